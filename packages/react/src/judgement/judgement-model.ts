import {
  decide,
  guardAction,
  presentedOptions,
  type DecisionState,
  type FrictionPlan,
  type JudgementInput,
  type ProtocolError,
} from '@deliberate/core';
import type { DecisionShape } from './display.ts';
import { parseLocaleNumber } from './number.ts';

/*
 * The independent judgement as a pure model (no React, no messages): what the person judges
 * between, whether the step can be edited, which fields are required, and whether a draft can be
 * committed. Every rule is the protocol's (docs/architecture.md §1, "Rules live in core"):
 * editability is `guardAction(state, 'commit')`, the decision space is `presentedOptions(state)`,
 * and a judgement's validity (an option id, an amount in the procedure's range) is what `decide`
 * answers for a draft. Only reading a typed number and the input's step belong to the binding.
 */

/**
 * What the person has entered so far. `amount` is the text as typed (parsed per locale when
 * committed), `confidence` one of the `OWN_CONFIDENCE_SCALE` values, `checklist` the confirmed ids.
 */
export interface JudgementDraft {
  label?: string | undefined;
  amount?: string | undefined;
  confidence?: number | undefined;
  rationale?: string | undefined;
  checklist?: string[] | undefined;
}

/**
 * Why the step can or cannot be used:
 * - `editable`: the person can judge and commit;
 * - `committed`: the judgement is recorded;
 * - `locked`: no judgement was recorded and the AI has been shown;
 * - `ended`: no judgement was recorded and the decision has ended;
 * - `skipped`: the person chose to decide without the AI (or stopped it), or there was no usable
 *   recommendation from the start, and nothing is entered yet; the final step records the
 *   decision, a judgement first would only repeat it;
 * - `no-options`: there is nothing to judge between (the procedure gave no options and there is
 *   no recommendation to take them from);
 * - `awaiting-options`: as `no-options`, while the recommendation that would bring them is pending.
 */
export type JudgementAvailability =
  'editable' | 'committed' | 'locked' | 'ended' | 'skipped' | 'no-options' | 'awaiting-options';

/**
 * Where the judgement stands, as `data-state` on the root:
 * - `empty`: nothing entered yet; the person can judge.
 * - `drafting`: something entered, not yet recorded.
 * - `committed`: the judgement is recorded (hashed and logged) and shown read-only.
 * - `locked`: no judgement was recorded and none can be any more (the AI was already shown, or
 *   the decision ended).
 * - `skipped`: the person decides without the AI; the final step records the decision.
 * - `unavailable`: there is nothing to judge between (the procedure passed no `options` and there
 *   is no valid recommendation, or it is still pending).
 */
export type IndependentJudgementState =
  'empty' | 'drafting' | 'committed' | 'locked' | 'skipped' | 'unavailable';

/** The numeric input's constraints: the procedure's unit, range and step. */
export interface AmountConstraints {
  unit?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | undefined;
}

export interface JudgementModel {
  availability: JudgementAvailability;
  /** Whether inputs can change (`availability === 'editable'`). */
  editable: boolean;
  /** What is judged; `null` without options. */
  shape: DecisionShape | null;
  /** Whose decision space it is: the procedure's `options`, or the recommendation's (fallback). */
  source: 'procedure' | 'recommendation' | null;
  /** The amount input's constraints, for numeric decisions. */
  amount: AmountConstraints | null;
  /** Required to commit: the decision itself, and every checklist item of the plan (by id). */
  required: { decision: boolean; checklist: string[] };
}

/** What is wrong with the decision field of a draft. */
export type DecisionProblem =
  'choice-missing' | 'amount-missing' | 'amount-invalid' | 'amount-range' | 'amount-step' | 'refused';

/**
 * The decision space the step shows: the procedure's options in the procedure's order; only
 * when it gave none, the recommendation's, in core's `neutralOrder`. `null` when there are none.
 *
 * @example
 * judgementShape(state, 'de'); // { kind: 'choice', options: [...] }
 */
export function judgementShape(state: DecisionState, locale: string): DecisionShape | null {
  return presentedOptions(state, locale);
}

function availabilityOf(
  state: DecisionState,
  shape: DecisionShape | null,
  entered: boolean,
): JudgementAvailability {
  if (state.judgement !== undefined) return 'committed';
  if (guardAction(state, 'commit') !== null) return state.revealedAt !== undefined ? 'locked' : 'ended';
  if (shape === null) return state.awaiting !== undefined ? 'awaiting-options' : 'no-options';
  // Deciding without the AI — by choice, or because there was no usable recommendation from the
  // start: the final step records the decision, and asking for an "assessment before you see the
  // AI" first would ask the same question twice. When the AI became unavailable later (it failed
  // or timed out while the person was judging) or the decision is in the no-AI control arm (whose
  // protocol judges first), the judge-first flow goes on; what the person has entered is never
  // taken away.
  const cause = state.status === 'without-ai' ? state.withoutAi : undefined;
  const chosen = state.status === 'ai-stopped' || cause?.cause === 'chosen';
  const noAiFromTheStart =
    (cause?.cause === 'no-recommendation' || cause?.cause === 'invalid-recommendation') &&
    cause.at === state.openedAt;
  if ((chosen || noAiFromTheStart) && !entered) return 'skipped';
  return 'editable';
}

/**
 * The step's model for a protocol state. `entered` says whether the person has typed or chosen
 * anything (see `hasEntries`).
 *
 * @example
 * const model = judgementModel(state, plan, { locale: 'de', entered: false });
 * model.availability; // 'editable'
 */
export function judgementModel(
  state: DecisionState,
  plan: Pick<FrictionPlan, 'checklist'>,
  { locale, entered }: { locale: string; entered: boolean },
): JudgementModel {
  const shape = judgementShape(state, locale);
  const availability = availabilityOf(state, shape, entered);
  const source = shape === null ? null : state.options !== undefined ? 'procedure' : 'recommendation';
  const amount =
    shape?.kind === 'numeric' ? { unit: shape.unit, min: shape.min, max: shape.max, step: shape.step } : null;
  return {
    availability,
    editable: availability === 'editable',
    shape,
    source,
    amount,
    required: { decision: shape !== null, checklist: plan.checklist.map((item) => item.id) },
  };
}

/** Whether anything has been entered. */
export function hasEntries(draft: JudgementDraft): boolean {
  return (
    draft.label !== undefined ||
    (draft.amount ?? '').trim() !== '' ||
    draft.confidence !== undefined ||
    (draft.rationale ?? '').trim() !== '' ||
    (draft.checklist ?? []).length > 0
  );
}

/** `data-state` of the step. */
export function judgementDataState(model: JudgementModel, entered: boolean): IndependentJudgementState {
  switch (model.availability) {
    case 'committed':
      return 'committed';
    case 'locked':
    case 'ended':
      return 'locked';
    case 'skipped':
      return 'skipped';
    case 'no-options':
    case 'awaiting-options':
      return 'unavailable';
    case 'editable':
      return entered ? 'drafting' : 'empty';
  }
}

/**
 * The draft as a protocol judgement, and what keeps its decision field from being committed as
 * far as the binding can tell (missing, or not a number in the person's locale).
 *
 * @example
 * readDraft(shape, { amount: '412,50' }, 'de'); // { judgement: { value: 412.5 }, problem: null }
 */
export function readDraft(
  shape: DecisionShape | null,
  draft: JudgementDraft,
  locale: string,
): { judgement: JudgementInput; problem: DecisionProblem | null } {
  const judgement: JudgementInput = {};
  let problem: DecisionProblem | null = null;
  if (shape?.kind === 'numeric') {
    const amount = parseLocaleNumber(draft.amount ?? '', locale);
    if (typeof amount === 'number') judgement.value = amount;
    else problem = amount === undefined ? 'amount-missing' : 'amount-invalid';
  } else if (draft.label !== undefined) {
    judgement.label = draft.label;
  } else {
    problem = 'choice-missing';
  }
  if (draft.confidence !== undefined) judgement.confidence = draft.confidence;
  return { judgement, problem };
}

/**
 * The protocol's answer to a judgement, without changing anything: `decide` runs a draft of it
 * (the same checks as a commit: option ids, the procedure's range, the confidence) on the
 * current state. `null` when it would be accepted.
 *
 * @example
 * judgementRefusal(state, { value: 5000 }, Date.now())?.details; // { value: 5000, min: 0, max: 2000 }
 */
export function judgementRefusal(
  state: DecisionState,
  judgement: JudgementInput,
  now: number,
): ProtocolError | null {
  const result = decide(state, { type: 'draft', judgement }, now);
  return result.ok ? null : result.error;
}

/** The decision problem a refusal names: `amount-range` when it gives the range, else `refused`. */
export function refusalProblem(error: Pick<ProtocolError, 'code' | 'details'>): DecisionProblem {
  const details = error.details;
  return error.code === 'invalid-judgement' && details !== undefined && ('min' in details || 'max' in details)
    ? 'amount-range'
    : 'refused';
}

/**
 * Whether `value` lies on the input's step (counted from `min`, else 0). The protocol does not
 * enforce a step on logged values; the procedure's step is the granularity the input offers.
 *
 * @example
 * fitsStep(412.5, { step: 0.01 }); // true
 * fitsStep(412.5, { step: 1 }); // false
 */
export function fitsStep(value: number, constraints: AmountConstraints | null): boolean {
  const step = constraints?.step;
  if (step === undefined || !(step > 0)) return true;
  const steps = (value - (constraints?.min ?? 0)) / step;
  return Math.abs(steps - Math.round(steps)) <= 1e-9 * Math.max(1, Math.abs(steps));
}

/** The plan's checklist items not yet confirmed, in the plan's order. */
export function missingChecklist(model: JudgementModel, checked: readonly string[]): string[] {
  return model.required.checklist.filter((id) => !checked.includes(id));
}
