import type { DomProbe } from './catalogue.ts';

/** Where explanation panels are recognised until they register themselves. */
export const EXPLANATION_PANEL_SELECTOR =
  '[data-dlb-explanation-panel], .dlb-explanation-panel, .dlb-explanation__item';

/**
 * What the story's DOM shows beyond the registrations: explanation panels (the ExplanationPanel
 * family does not register yet) and the recommendation's polite live region.
 *
 * @example
 * probeDom(document).recommendationLiveRegions; // 1
 */
export function probeDom(root: ParentNode): DomProbe {
  const explanationPanels = [...root.querySelectorAll<HTMLElement>(EXPLANATION_PANEL_SELECTOR)]
    // A panel nested in a panel counts once.
    .filter((el) => !el.parentElement?.closest(EXPLANATION_PANEL_SELECTOR))
    .map((el) => ({
      panel: el.getAttribute('data-dlb-explanation-panel') || el.getAttribute('data-panel') || null,
      open: el.getAttribute('data-state') === 'open' || (el instanceof HTMLDetailsElement && el.open),
    }));
  const recommendationLiveRegions = root.querySelectorAll(
    '.dlb-recommendation [role="status"][aria-live="polite"], .dlb-recommendation [aria-live="polite"]:not([role])',
  ).length;
  return { explanationPanels, recommendationLiveRegions };
}
