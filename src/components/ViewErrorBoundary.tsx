import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** what the view is called, for the message: "the map" */
  name: string;
  children: ReactNode;
  /** told when the view has failed (its error is shown in its place) */
  onError?: () => void;
}

interface State {
  error: Error | null;
}

/** Keeps one failing view from blanking the page: it shows its error and the rest still works. */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The view "${this.props.name}" failed`, error, info.componentStack);
    this.props.onError?.();
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="nhsuk-warning-callout" role="alert">
        <h3 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span> Sorry, {this.props.name} could not be shown
          </span>
        </h3>
        <p>The rest of the page still works. The error was: {this.state.error.message}</p>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
