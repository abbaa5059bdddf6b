import { useId, useMemo } from 'react';
import { compareMonths, formatMonth, monthRange, type MonthString } from '../../domain/months';
import './compare.css';

interface YearOfMonths {
  year: string;
  months: MonthString[];
}

function monthsByYear(first: MonthString, last: MonthString): YearOfMonths[] {
  const years: YearOfMonths[] = [];
  for (const month of monthRange(first, last)) {
    const year = month.slice(0, 4);
    const current = years[years.length - 1];
    if (current?.year === year) current.months.push(month);
    else years.push({ year, months: [month] });
  }
  return years;
}

/**
 * The two months to compare, as native selects (keyboard and screen reader behaviour for free).
 * The From list offers no month after To, and To none before From, so the pair never crosses.
 */
export function ComparePickers({
  coverage,
  from,
  to,
  onChange,
}: {
  coverage: { from: MonthString; to: MonthString };
  from: MonthString;
  to: MonthString;
  onChange: (from: MonthString, to: MonthString) => void;
}) {
  const ids = useId();
  const years = useMemo(() => monthsByYear(coverage.from, coverage.to), [coverage.from, coverage.to]);
  const hintId = `${ids}-hint`;
  const options = (disabled: (month: MonthString) => boolean) =>
    years.map(({ year, months }) => (
      <optgroup key={year} label={year}>
        {months.map((month) => (
          <option key={month} value={month} disabled={disabled(month)}>
            {formatMonth(month)}
          </option>
        ))}
      </optgroup>
    ));

  return (
    <fieldset className="nhsuk-fieldset app-compare-pickers" aria-describedby={hintId}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Months to compare</legend>
      <p className="nhsuk-hint app-compare-pickers__hint" id={hintId}>
        The dataset covers {formatMonth(coverage.from)} to {formatMonth(coverage.to)}. From is the earlier month.
      </p>
      <div className="app-compare-pickers__row">
        <div className="nhsuk-form-group app-compare-pickers__group">
          <label className="nhsuk-label" htmlFor={`${ids}-from`}>
            From
          </label>
          <select
            className="nhsuk-select app-compare-pickers__select"
            id={`${ids}-from`}
            value={from}
            onChange={(event) => onChange(event.target.value, to)}
          >
            {options((month) => compareMonths(month, to) > 0)}
          </select>
        </div>
        <div className="nhsuk-form-group app-compare-pickers__group">
          <label className="nhsuk-label" htmlFor={`${ids}-to`}>
            To
          </label>
          <select
            className="nhsuk-select app-compare-pickers__select"
            id={`${ids}-to`}
            value={to}
            onChange={(event) => onChange(from, event.target.value)}
          >
            {options((month) => compareMonths(month, from) < 0)}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
