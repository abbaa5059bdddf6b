/**
 * The guided tour of the reforms: one step at a time, each a month, a part of the map picked out
 * and two or three sentences with their sources. The step is the address's: the page reads it
 * (with its notice) and shows the step's month and focus on the map; changing step is a navigation.
 */
import { type MouseEvent, type ReactNode, type RefObject, useEffect, useId, useMemo, useRef } from 'react';
import { AddressNotice } from '../../components/AddressNotice';
import { Citations } from '../../components/Citations';
import { hrefFor } from '../../components/routing';
import type { Dataset, TourStep } from '../../data/schema';
import { formatMonth } from '../../domain/months';
import { selectDataset, useExplorerStore } from '../../store';
import { focusNameOf, selectionOf } from './tour-model';
import './tour.css';

export interface TourProps {
  /** the step to show, counted from 0 (the page reads it from the address) */
  stepIndex: number;
  /** why this is not the step the address asked for, in words; null when it is */
  notice: string | null;
  /** the href of a step (1-based), for links that also work in a new tab */
  hrefOfStep: (stepNumber: number) => string;
  /** goes to a step (1-based): the page writes it into the address */
  onGoToStep: (stepNumber: number) => void;
  /** the href of the explorer at a view: the page adds what its address must keep (embed=1) */
  hrefOfView?: (href: string) => string;
  /** the map, which the tour lays out beside its card (or below it, on a narrow screen) */
  map?: ReactNode;
}

export function Tour(props: TourProps) {
  const dataset = useExplorerStore(selectDataset);
  if (!dataset) return null;
  if (dataset.tour.length === 0)
    return <p className="nhsuk-body">This copy of the dataset has no guided tour (data/tour.json holds no steps).</p>;
  return <TourSteps dataset={dataset} steps={dataset.tour} {...props} />;
}

function TourSteps({
  dataset,
  steps,
  stepIndex,
  notice,
  hrefOfStep,
  onGoToStep,
  hrefOfView = (href) => href,
  map,
}: TourProps & { dataset: Dataset; steps: readonly TourStep[] }) {
  const index = Math.min(Math.max(0, stepIndex), steps.length - 1);
  const step = steps[index] as TourStep;
  const count = steps.length;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `app-tour-heading-${ids}`;
  const focusName = useMemo(() => focusNameOf(dataset, step), [dataset, step]);

  useFocusHeadingOnChange(headingRef, step.id);
  useArrowKeys(index, count, onGoToStep);

  const goTo = (stepNumber: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onGoToStep(stepNumber);
  };

  return (
    <div className="app-tour">
      <AddressNotice notice={notice} className="app-tour__notice" />
      <section className="app-tour__card" aria-labelledby={headingId}>
        {/* Keyed by step, so the (motion-safe) entrance plays for each new step. */}
        <div key={step.id} className="app-tour__step">
          <p className="app-tour__progress">
            <span className="app-tour__count">
              Step {index + 1} of {count}
            </span>
            <span aria-hidden="true"> · </span>
            <span className="nhsuk-u-visually-hidden">, </span>
            <span className="app-tour__month">{formatMonth(step.month)}</span>
          </p>
          <h2 className="nhsuk-heading-m app-tour__heading" id={headingId} ref={headingRef} tabIndex={-1}>
            {step.title}
          </h2>
          <p className="nhsuk-body app-tour__text">{step.text}</p>
        </div>
        <div className="app-tour__buttons">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary app-tour__button"
            disabled={index === 0}
            onClick={() => onGoToStep(index)}
          >
            Previous <span className="nhsuk-u-visually-hidden">step</span>
          </button>
          <button
            type="button"
            className="nhsuk-button app-tour__button"
            disabled={index === count - 1}
            onClick={() => onGoToStep(index + 2)}
          >
            Next <span className="nhsuk-u-visually-hidden">step</span>
          </button>
        </div>
        <p className="nhsuk-body-s app-tour__keys">You can also use the left and right arrow keys to move between steps.</p>
        <p className="nhsuk-body app-tour__leave">
          <a className="app-tour__leave-link" href={hrefOfView(hrefFor(selectionOf(step), step.month))}>
            Leave the tour<span className="nhsuk-u-visually-hidden">:</span>{' '}
            <span className="app-tour__leave-view">
              {focusName}, {formatMonth(step.month)}
            </span>
          </a>
        </p>
        <Citations citations={step.sources} />
      </section>
      {map ? <div className="app-tour__map">{map}</div> : null}
      <nav className="app-tour__nav" aria-label="Steps of the tour">
        <h2 className="nhsuk-heading-s app-tour__nav-heading">All steps</h2>
        <ol className="nhsuk-list app-tour__list">
          {steps.map((item, itemIndex) => (
            <li key={item.id} className="app-tour__list-item">
              <a
                href={hrefOfStep(itemIndex + 1)}
                onClick={goTo(itemIndex + 1)}
                aria-current={itemIndex === index ? 'step' : undefined}
                className="app-tour__list-link"
              >
                <span className="app-tour__list-month">
                  {itemIndex + 1}. {formatMonth(item.month)}
                </span>
                <span className="nhsuk-u-visually-hidden">: </span>
                <span className="app-tour__list-title">{item.title}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <p className="nhsuk-u-visually-hidden" aria-live="polite">
        {`Step ${index + 1} of ${count}, ${formatMonth(step.month)}: ${step.title}`}
      </p>
    </div>
  );
}

/**
 * After a change of step (not on arrival), focus goes to the new step's heading, so a keyboard or
 * screen reader user continues from the new text rather than from a button that may now be disabled.
 */
function useFocusHeadingOnChange(headingRef: RefObject<HTMLHeadingElement | null>, stepId: string) {
  const shownStep = useRef(stepId);
  useEffect(() => {
    if (shownStep.current === stepId) return;
    shownStep.current = stepId;
    const heading = headingRef.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    const reduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView?.({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  }, [headingRef, stepId]);
}

/** Elements that use the arrow keys themselves: typing, choosing, sliding. */
const OWN_ARROW_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="listbox"], [role="combobox"], [role="menu"], [role="tablist"]';

/**
 * ArrowLeft and ArrowRight move between steps from anywhere on the page, except where focus is in
 * a form control or in something that handles the arrows itself (the map moves between its nodes,
 * and says so by preventing the default).
 */
function useArrowKeys(index: number, count: number, onGoToStep: (stepNumber: number) => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const target = event.target;
      if (target instanceof Element && target.closest(OWN_ARROW_KEYS)) return;
      const next = event.key === 'ArrowLeft' ? index - 1 : index + 1;
      if (next < 0 || next >= count) return;
      event.preventDefault();
      onGoToStep(next + 1);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [index, count, onGoToStep]);
}
