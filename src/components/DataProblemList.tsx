import type { DataProblem } from '../data/problems';
import { plural } from '../lib/words';

/**
 * The dataset's problems, as an NHS.UK error summary: file, JSON path and reason for each. Every
 * problem is listed; none is summarised away. `explorerBelow` says whether the page still shows
 * the explorer from the dataset (it parsed, but breaks integrity rules) or nothing else.
 */
export function DataProblemList({
  problems,
  explorerBelow = false,
}: {
  problems: readonly DataProblem[];
  explorerBelow?: boolean;
}) {
  return (
    <div className="nhsuk-error-summary" aria-labelledby="data-problems-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="data-problems-title">
        The dataset has {plural(problems.length, 'problem')}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>
          {explorerBelow
            ? 'The explorer below may be incomplete or wrong where they apply.'
            : 'The explorer cannot show the data until these are fixed.'}{' '}
          Run <code>npm run check:data</code> to see the same list.
        </p>
        <ul className="nhsuk-list nhsuk-error-summary__list app-problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.file}${problem.path}${index}`}>
              <code>{problem.file}</code>
              {problem.path ? (
                <>
                  {' '}
                  at <code>{problem.path}</code>
                </>
              ) : null}
              : {problem.reason}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
