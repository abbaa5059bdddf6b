/** One thing wrong with the dataset, located well enough for a person to fix it. */
export interface DataProblem {
  /** the file in data/, e.g. "data/services.json" */
  file: string;
  /** a JSON path inside that file, e.g. "[12].sources[0].id"; "" for the whole file */
  path: string;
  /** what is wrong, in plain words */
  reason: string;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('')
    .replace(/^\./, '');
}

export function formatProblem(problem: DataProblem): string {
  const where = problem.path ? `${problem.file} at ${problem.path}` : problem.file;
  return `${where}: ${problem.reason}`;
}
