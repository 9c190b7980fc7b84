import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { DecisionContext, type DecisionContextValue } from './decision-context.ts';

export interface DeliberateErrorBoundaryProps {
  /** The name of the guarded component, logged with the `ui.error` event. */
  component: string;
  /** What to show instead; by default a short message that the person can still decide. */
  fallback?: ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function DefaultFallback({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="dlb-error" role="alert" data-state="error">
      <p className="dlb-error__title">{t('common.error.title')}</p>
      <p>{t('common.error.body')}</p>
      <details>
        <summary>{t('common.error.details')}</summary>
        <code>{error.message}</code>
      </details>
    </div>
  );
}

/**
 * Keeps a failure inside a Deliberate component from taking down the host page: it shows a
 * readable fallback and logs a `ui.error` event. Every part of `DecisionScreen` is wrapped in one.
 *
 * @example
 * <DeliberateErrorBoundary component="ExplanationPanel"><ExplanationPanel.Root>…</ExplanationPanel.Root></DeliberateErrorBoundary>
 */
export class DeliberateErrorBoundary extends Component<DeliberateErrorBoundaryProps, State> {
  static override contextType = DecisionContext;
  declare context: DecisionContextValue | null;
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo) {
    this.context?.reportError(this.props.component, error);
  }

  override render() {
    if (this.state.error) return this.props.fallback ?? <DefaultFallback error={this.state.error} />;
    return this.props.children;
  }
}
