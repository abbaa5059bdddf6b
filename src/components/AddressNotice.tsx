/**
 * Why the view shown is not exactly the one the address asked for (a date out of range, a year
 * without figures, an unknown parameter), said on the page where the view begins. Dismissable
 * when `onDismiss` is given; polite, so a screen reader hears it without losing its place.
 */
export function AddressNotice({
  notice,
  onDismiss,
  className,
}: {
  notice: string | null;
  onDismiss?: () => void;
  /** the page's own class, for where it places the notice */
  className?: string;
}) {
  if (!notice) return null;
  return (
    <div className={`nhsuk-inset-text app-date-notice${className ? ` ${className}` : ''}`} role="status">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{notice}</p>
      {onDismiss ? (
        <button type="button" className="app-link-button" onClick={onDismiss}>
          Dismiss this notice
        </button>
      ) : null}
    </div>
  );
}
