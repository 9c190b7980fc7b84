import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { ExplanationPanelProps } from '../explanation/explanation-panel.tsx';
import { useI18n } from '../i18n/context.tsx';

/*
 * The explanation panel, loaded only when `DecisionScreen` needs it: its code (markdown parsing,
 * the charts, the explanation messages) is about half of the screen and is only used after the
 * reveal (docs/architecture.md §1, "Locales and bundle size"). The screen starts the import when
 * it mounts in the browser, for every decision alike, so that by the reveal the code is there
 * and nothing observable before the reveal depends on the recommendation.
 */

type Panel = ComponentType<ExplanationPanelProps>;

let loaded: Panel | undefined;
let loading: Promise<{ default: Panel }> | undefined;

/**
 * Starts loading the explanation panel's code, once; after a failure the next call tries again.
 * @internal
 */
export function preloadExplanationPanel(): Promise<{ default: Panel }> {
  loading ??= import('../explanation/explanation-panel.tsx').then(
    (module) => {
      loaded = module.ExplanationPanel;
      return { default: module.ExplanationPanel };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * `<ExplanationPanel/>`, rendered at once when its code is loaded, else after a short localized
 * "loading" status (Suspense). A failed import reaches the surrounding error boundary, which
 * shows its fallback and logs `ui.error`; the next screen tries again.
 * @internal
 */
export function DeferredExplanationPanel(props: ExplanationPanelProps) {
  const { t } = useI18n();
  // Chosen once per mount, so that the panel is never remounted (and its open panels closed)
  // when the code arrives; a new lazy component per mount retries after a failed import.
  const [Component] = useState<Panel>(() => loaded ?? lazy(preloadExplanationPanel));
  return (
    <Suspense
      fallback={
        <p className="dlb-explanation-loading" role="status">
          {t('screen.explanation.loading')}
        </p>
      }
    >
      <Component {...props} />
    </Suspense>
  );
}
