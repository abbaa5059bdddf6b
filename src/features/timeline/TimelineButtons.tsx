/** The timeline's buttons: Play/Pause and the previous/next steps, with their icons. */

export function PlayButton({ playing, onClick }: { playing: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--small app-timeline__play${playing ? ' app-timeline__play--playing' : ''}`}
      onClick={onClick}
    >
      <PlayIcon playing={playing} />
      {playing ? 'Pause' : 'Play'}
    </button>
  );
}

function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg className="app-timeline__play-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {playing ? <path d="M3 2h4v12H3zM9 2h4v12H9z" /> : <path d="M3 1.5v13L14 8z" />}
    </svg>
  );
}

/**
 * A step button. At the ends it stays focusable with aria-disabled, rather than disabled, so that
 * keyboard focus is not thrown to the page when the last step is taken.
 */
export function StepButton({
  direction,
  disabled,
  onClick,
  iconOnly = false,
  children,
}: {
  direction: 'previous' | 'next';
  disabled: boolean;
  onClick: () => void;
  /** only the chevron shows; the words are for screen readers (and the tooltip) */
  iconOnly?: boolean;
  children: string;
}) {
  return (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--secondary nhsuk-button--small app-timeline__step app-timeline__step--${direction}${iconOnly ? ' app-timeline__step--icon' : ''}`}
      aria-disabled={disabled ? 'true' : undefined}
      title={iconOnly ? children : undefined}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {iconOnly ? (
        <>
          <Chevron direction={direction} />
          <span className="nhsuk-u-visually-hidden">{children}</span>
        </>
      ) : direction === 'previous' ? (
        <>
          <Chevron direction="previous" />
          {children}
        </>
      ) : (
        <>
          {children}
          <Chevron direction="next" />
        </>
      )}
    </button>
  );
}

function Chevron({ direction }: { direction: 'previous' | 'next' }) {
  return (
    <svg className="app-timeline__chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={direction === 'previous' ? 'M11 2 5 8l6 6' : 'M5 2l6 6-6 6'} />
    </svg>
  );
}
