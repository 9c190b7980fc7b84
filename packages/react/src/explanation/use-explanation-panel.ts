import { aiUnavailableReason, type Recommendation } from '@deliberate/core';
import { useMemo } from 'react';
import { useDecision } from '../decision/decision-provider.tsx';
import { useControllableState } from '../utils/use-controllable-state.ts';
import type { ExplanationData, ExplanationPanelName } from './explanation-data.ts';
import {
  explanationModel,
  viewedPanels,
  type ExplanationAvailability,
  type ExplanationModel,
  type ExplanationUnavailableReason,
} from './explanation-model.ts';
import { useExplanationViewTiming } from './use-view-timing.ts';
import { EXPLANATION_PANELS, readExplanation } from './validate.ts';

/*
 * The ExplanationPanel's hooks: `useExplanationPanelState` (the data, the availability and the
 * open panels) and `useExplanationPanel` (that state plus the `explanation.viewed` timing and the
 * prop bags). The parts in `explanation-panel-parts.tsx` render what these return.
 */

export interface UseExplanationPanelProps {
  /**
   * The explanation payload. Use it when the explanation comes from somewhere else than the
   * recommendation (a separate XAI service, loaded later); it is validated panel by panel.
   * @default the recommendation's `explanation` (as received, when only the explanation failed validation)
   */
  explanation?: unknown;
  /** The calibration (its `bins` feed the reliability diagram). @default the recommendation's `calibration` */
  calibration?: unknown;
  /** The model's identity. @default the recommendation's `model` */
  model?: unknown;
  /** The AI system's own text, markdown (e.g. a CDS Hooks card's `detail`). @default the recommendation's `detail` */
  detail?: unknown;
  /**
   * Which panels to offer, in this order.
   * @default ['evidence', 'counterfactuals', 'similar-cases', 'factors', 'detail', 'model']
   */
  panels?: readonly ExplanationPanelName[] | undefined;
  /** The open panels, controlled. */
  value?: string[] | undefined;
  /** The panels open at first. Everything is closed by default: the person decides what to look at. @default [] */
  defaultValue?: string[] | undefined;
  /** Called with the open panels whenever one opens or closes. */
  onValueChange?: ((value: string[]) => void) | undefined;
}

/** What `useExplanationPanelState` returns: the explanation's state without its timing. */
export interface ExplanationPanelState extends ExplanationModel {
  /** Every panel's validated data. */
  data: ExplanationData;
  /** The open panels. */
  value: string[];
  /** Opens and closes panels. */
  setValue: (value: string[]) => void;
  recommendation: Recommendation | null;
}

export interface UseExplanationPanelResult extends ExplanationPanelState {
  /** The Root's `data-state`. */
  state: ExplanationAvailability;
  /** Why it is unavailable; `null` otherwise. */
  reason: ExplanationUnavailableReason | null;
  /** Spread on the root element. */
  rootProps: {
    'data-state': ExplanationAvailability;
    'data-reason': ExplanationUnavailableReason | undefined;
  };
  /** Spread on the list of panels: `data-state` is `open` while any listed panel is open. */
  listProps: { 'data-state': 'open' | 'closed' };
  /** Spread on a panel's item: its name and whether its data could be read. */
  itemProps(panel: ExplanationPanelName): {
    'data-panel': ExplanationPanelName;
    'data-validity': 'valid' | 'partial' | 'invalid' | undefined;
  };
}

const NOTHING_OPEN: string[] = [];

/**
 * The explanation's state: the payload read panel by panel, whether it may be shown (only after
 * the reveal, only with the AI), the panels to list, and the open panels (controlled or not).
 * No timing: use `useExplanationPanel` unless you time the viewings yourself.
 *
 * @example
 * const { state, panels, value, setValue } = useExplanationPanelState({ defaultValue: ['evidence'] });
 */
export function useExplanationPanelState(props: UseExplanationPanelProps = {}): ExplanationPanelState {
  const { state, recommendation, explanation: given } = useDecision('ExplanationPanel');
  const [value, setValue] = useControllableState<string[]>({
    prop: props.value,
    defaultProp: props.defaultValue ?? NOTHING_OPEN,
    onChange: props.onValueChange,
    name: 'ExplanationPanel',
  });

  // Presence, not value, decides: `explanation: undefined` means "this explanation is empty".
  const explanation = 'explanation' in props ? props.explanation : given;
  const calibration = 'calibration' in props ? props.calibration : recommendation?.calibration;
  const model = 'model' in props ? props.model : recommendation?.model;
  const detail = 'detail' in props ? props.detail : recommendation?.detail;
  const data = useMemo(
    () => readExplanation({ explanation, calibration, model, detail }),
    [explanation, calibration, model, detail],
  );
  const availability = explanationModel({
    aiUnavailable: aiUnavailableReason(state) !== null,
    revealed: state.revealedAt !== undefined,
    data,
    order: props.panels ?? EXPLANATION_PANELS,
  });
  return { ...availability, data, value, setValue, recommendation };
}

/**
 * The ExplanationPanel's behaviour without its look: availability (only after the reveal, only
 * with the AI), per-panel validation, the open panels, the `explanation.viewed` timing, and prop
 * bags with the data attributes. Use it to drive your own disclosure widgets (KoliBri, KERN);
 * spread `rootProps` on your root.
 *
 * @example
 * const { panels, value, setValue, rootProps } = useExplanationPanel();
 * <div {...rootProps}>{panels.map((p) => <MyDisclosure key={p} open={value.includes(p)} … />)}</div>
 */
export function useExplanationPanel(props: UseExplanationPanelProps = {}): UseExplanationPanelResult {
  const explanation = useExplanationPanelState(props);
  const { state, reason, data, panels, value } = explanation;
  const shownOpen = viewedPanels(value, explanation);
  useExplanationViewTiming(shownOpen, reason === null);
  return {
    ...explanation,
    rootProps: { 'data-state': state, 'data-reason': reason ?? undefined },
    listProps: { 'data-state': value.some((p) => (panels as string[]).includes(p)) ? 'open' : 'closed' },
    itemProps: (panel) => {
      const status = data[panel].status;
      return { 'data-panel': panel, 'data-validity': status === 'absent' ? undefined : status };
    },
  };
}
