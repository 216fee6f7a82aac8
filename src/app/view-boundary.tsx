/**
 * Keeps a failure to the view it happened in: the header, the URL and the other views survive, and the user gets
 * a plain message with two ways back (try the same view again, or open the first figure).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words ("The atlas", "Compare"). */
  name: string;
  /** Changing this (another view, figure or pair) clears the failure. */
  resetKey: string;
  /** Leaves for a view known to work. */
  onHome: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

export class ViewBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept in the console for a bug report; the page itself carries on.
    console.warn(`${this.props.name} failed:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="view-failed" role="alert" aria-label={`${this.props.name} failed`}>
        <h2>{this.props.name} could not be shown</h2>
        <p>
          Something went wrong while drawing it: <code>{error.message.slice(0, 200)}</code>. Nothing you chose is lost; the
          address bar still holds this view.
        </p>
        <div className="view-failed-actions">
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" onClick={this.props.onHome}>
            Open the first figure
          </button>
        </div>
      </section>
    );
  }
}
