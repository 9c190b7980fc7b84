import type { ExplanationData, ExplanationPanelName } from './explanation-data.ts';

/*
 * Whether the explanation may be shown, and which panels are listed, as a pure function of the
 * decision's state and the validated data (no React; the hooks in `use-explanation-panel.ts`
 * call it). The AI's explanation follows the AI: nothing before the reveal, nothing without the
 * AI (docs/architecture.md §1, "The AI stays hidden until the plan allows it").
 */

/** `data-state` of `ExplanationPanel.Root`. */
export type ExplanationAvailability = 'unavailable' | 'available' | 'invalid';

/** Why the explanation is unavailable (`data-reason` of the Root). */
export type ExplanationUnavailableReason = 'before-reveal' | 'ai-unavailable' | 'not-provided';

/** What `explanationModel` needs to know about the decision. */
export interface ExplanationModelInput {
  /** Whether the AI may not be used in this decision (stopped, decided without it, no-AI arm). */
  aiUnavailable: boolean;
  /** Whether the recommendation has been revealed. */
  revealed: boolean;
  /** Every panel's validated data (`readExplanation`). */
  data: ExplanationData;
  /** The panels to offer, in order. */
  order: readonly ExplanationPanelName[];
}

export interface ExplanationModel {
  /** The Root's `data-state`. */
  state: ExplanationAvailability;
  /** Why it is unavailable; `null` otherwise. */
  reason: ExplanationUnavailableReason | null;
  /** The panels to list (data, or data that could not be read), in order. */
  panels: ExplanationPanelName[];
  /** The panels the AI system sent nothing for. */
  notProvided: ExplanationPanelName[];
}

/**
 * The explanation's availability and its panels.
 *
 * @example
 * explanationModel({ aiUnavailable: false, revealed: true, data, order: EXPLANATION_PANELS }).state; // 'available'
 */
export function explanationModel({
  aiUnavailable,
  revealed,
  data,
  order,
}: ExplanationModelInput): ExplanationModel {
  const panels = order.filter((panel) => data[panel].status !== 'absent');
  const notProvided = order.filter((panel) => data[panel].status === 'absent');
  const broken = data.rootIssue !== undefined || panels.some((panel) => data[panel].status !== 'valid');

  let reason: ExplanationUnavailableReason | null = null;
  if (aiUnavailable) reason = 'ai-unavailable';
  else if (!revealed) reason = 'before-reveal';
  else if (panels.length === 0 && data.rootIssue === undefined) reason = 'not-provided';
  const state: ExplanationAvailability = reason !== null ? 'unavailable' : broken ? 'invalid' : 'available';
  return { state, reason, panels, notProvided };
}

/**
 * The open panels that count as viewed: only panels that are listed, and only while the
 * explanation is shown. A controlled value naming a panel that is not listed, or any value before
 * the reveal, is not a viewing.
 *
 * @example
 * viewedPanels(['factors', 'nonsense'], model); // ['factors'] once revealed
 */
export function viewedPanels(open: readonly string[], model: ExplanationModel): string[] {
  if (model.reason !== null) return [];
  return open.filter((panel) => (model.panels as readonly string[]).includes(panel));
}
