import type { DataProblem } from '../data/problems';

/** The dataset's problems, as an NHS.UK error summary: file, JSON path and reason for each. */
export function DataProblemList({ problems }: { problems: readonly DataProblem[] }) {
  return (
    <div className="nhsuk-error-summary" aria-labelledby="data-problems-title" role="alert" tabIndex={-1}>
      <h2 className="nhsuk-error-summary__title" id="data-problems-title">
        The dataset has {problems.length} problem{problems.length === 1 ? '' : 's'}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>
          The explorer cannot show the data until these are fixed. Run <code>npm run check:data</code> to see the same list.
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
