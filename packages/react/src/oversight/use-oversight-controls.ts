import type { StopScope } from '@deliberate/core';
import { useId, useState, type MouseEvent } from 'react';
import { useDecision, useDecisionContext } from '../decision/decision-provider.tsx';
import { useSafeguard } from '../decision/safeguards.ts';
import { flushExplanationViews } from '../explanation/use-view-timing.ts';
import { useI18n } from '../i18n/context.tsx';
import {
  oversightAnnouncement,
  oversightState,
  oversightUnavailableReason,
  type OversightState,
} from './oversight-model.ts';
import {
  useAutomationBiasNotice,
  type UseAutomationBiasNoticeProps,
  type UseAutomationBiasNoticeResult,
} from './use-automation-bias-notice.ts';

/** What `onStopAi` receives. */
export interface StopAiDetails {
  scope: StopScope;
  reason: string;
}

export interface UseOversightControlsProps extends UseAutomationBiasNoticeProps {
  /**
   * Called after the AI was stopped for the procedure (and `ai.stopped` was logged), so that the
   * host can switch it off beyond this decision, e.g. for the next cases of the procedure.
   */
  onStopAi?: ((details: StopAiDetails) => void) | undefined;
  /** Called after the person chose to decide without the AI. */
  onDecideWithoutAi?: (() => void) | undefined;
}

export interface UseOversightControlsResult {
  /** The root's `data-state`. */
  state: OversightState;
  /** What the live region says now (empty when nothing happened while on screen). */
  announcement: string;
  /** Why "decide without AI" is unavailable, in the person's language, or `null`. */
  withoutAiUnavailable: string | null;
  /** Why stopping the AI is unavailable, in the person's language, or `null`. */
  stopUnavailable: string | null;
  /**
   * Stops the AI for the procedure with `reason` (open explanation panels report their time
   * first) and calls `onStopAi`; returns the protocol's message when it refused, else `null`.
   */
  stopAi(reason: string): string | null;
  /** The automation-bias notice. */
  notice: UseAutomationBiasNoticeResult;
  /** For the root: a group named by the label. */
  rootProps: { role: 'group'; 'aria-labelledby': string; 'data-state': OversightState };
  /** For the group's label. */
  labelProps: { id: string };
  /**
   * For the "Decide without AI" button: focusable while unavailable (`aria-disabled`), described
   * by its hint, and a click that does nothing while unavailable.
   */
  withoutAiButtonProps: {
    type: 'button';
    'aria-disabled': true | undefined;
    'aria-describedby': string;
    onClick(event: MouseEvent<HTMLButtonElement>): void;
  };
  /** For the hint next to "Decide without AI" (it says why it is unavailable). */
  withoutAiHintProps: { id: string };
  /** For the hint next to "Stop the AI"; pass its `id` as the stop dialog's `hintId`. */
  stopHintProps: { id: string };
  /** For the live region that announces the results, in the DOM from the first render. */
  statusProps: { role: 'status'; 'aria-live': 'polite'; 'aria-atomic': true };
}

/**
 * The oversight controls' behaviour without their look (AI Act Art. 14(4)(b), (d), (e)): the
 * state, why each action is unavailable, the actions, the notice, the announcement, and prop
 * bags with the ARIA wiring. Declares the three safeguards the controls provide.
 *
 * @example
 * const o = useOversightControls({ onStopAi: ({ reason }) => api.disableModel(reason) });
 * <div {...o.rootProps}><p {...o.labelProps}>Oversight</p>
 *   <button {...o.withoutAiButtonProps}>Decide without AI</button>
 *   <p {...o.withoutAiHintProps}>{o.withoutAiUnavailable ?? 'Your decision, without the AI.'}</p></div>
 */
export function useOversightControls(props: UseOversightControlsProps = {}): UseOversightControlsResult {
  const { onStopAi, onDecideWithoutAi, ...noticeProps } = props;
  const { store } = useDecisionContext('OversightControls');
  const { state, allowed, dispatch } = useDecision('OversightControls');
  const { t } = useI18n();
  const id = useId();
  const notice = useAutomationBiasNotice(noticeProps);
  useSafeguard('oversight.decideWithoutAi', { control: 'button' });
  useSafeguard('oversight.stopAi', { scope: 'procedure', reasonRequired: true });
  useSafeguard('oversight.automationBiasNotice', { onFirstUse: noticeProps.showNoticeOnFirstUse === true });

  // Only changes that happen while the controls are on screen are announced.
  const [statusAtMount] = useState(() => store.getState().decision.status);
  const rootState = oversightState(state);
  const withoutAiUnavailable = oversightUnavailableReason(
    'decideWithoutAi',
    allowed.decideWithoutAi,
    state,
    t,
  );
  const stopUnavailable = oversightUnavailableReason('stopAi', allowed.stopAi, state, t);
  const ids = { label: `${id}-label`, withoutAi: `${id}-without-ai`, stop: `${id}-stop` };

  return {
    state: rootState,
    announcement: oversightAnnouncement(state, statusAtMount, t),
    withoutAiUnavailable,
    stopUnavailable,
    stopAi: (reason) => {
      flushExplanationViews(store);
      const result = dispatch({ type: 'stopAi', scope: 'procedure', reason });
      if (!result.ok) return result.error.message;
      onStopAi?.({ scope: 'procedure', reason });
      return null;
    },
    notice,
    rootProps: { role: 'group', 'aria-labelledby': ids.label, 'data-state': rootState },
    labelProps: { id: ids.label },
    withoutAiButtonProps: {
      type: 'button',
      'aria-disabled': withoutAiUnavailable !== null ? true : undefined,
      'aria-describedby': ids.withoutAi,
      onClick: (event) => {
        if (withoutAiUnavailable !== null) {
          event.preventDefault();
          return;
        }
        const result = dispatch({ type: 'decideWithoutAi' });
        if (result.ok) onDecideWithoutAi?.();
      },
    },
    withoutAiHintProps: { id: ids.withoutAi },
    stopHintProps: { id: ids.stop },
    statusProps: { role: 'status', 'aria-live': 'polite', 'aria-atomic': true },
  };
}
