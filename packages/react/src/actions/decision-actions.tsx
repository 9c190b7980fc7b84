import {
  DecisionActionsAccept,
  DecisionActionsComposed,
  DecisionActionsModify,
  DecisionActionsOverride,
  DecisionActionsRecord,
  DecisionActionsResult,
  DecisionActionsRoot,
  DecisionActionsWithoutAi,
} from './decision-actions-parts.tsx';
import {
  DecisionActionsError,
  DecisionActionsNote,
  DecisionActionsStatus,
  DecisionActionsTime,
  DecisionActionsTimeOver,
} from './decision-actions-status.tsx';
import {
  DecisionActionsTarget,
  DecisionActionsTargetInput,
  DecisionActionsTargetOption,
} from './target-input.tsx';

/*
 * The final decision: accept, modify or override the AI's recommendation, or decide without it.
 * Every action maps to one protocol action (`finalize` with core's intent, or `decideWithoutAi`).
 *
 * Where things live (docs/architecture.md §4): which actions are shown and whether they can be
 * used is core's `finalStep`, asked once per finalize step (`finalize-context.tsx`); the targets
 * and the final decision a press sends in `actions-model.ts`, the words for every code in
 * `actions-text.ts`; the person's unsent input in `use-decision-actions-state.ts`; behaviour and
 * prop bags in `use-decision-actions.ts`; the parts in `decision-actions-parts.tsx`,
 * `decision-actions-status.tsx` and `target-input.tsx`. This module keeps the family's public
 * names in one place.
 *
 * The decision space is the procedure's (`DecisionProvider`'s `options`, else the
 * recommendation's): "record" offers it in the procedure's order, "modify" and "override" offer
 * core's `deviationOptions`.
 */

export {
  type ActionTarget,
  type ActionUnavailable,
  type ActionView,
  type AmountLimits,
  type DecisionActionBlock,
  type DecisionActionId,
  type DecisionActionsMode,
  type DecisionActionsState,
} from './actions-model.ts';
export {
  DecisionActionsAccept,
  DecisionActionsModify,
  DecisionActionsOverride,
  DecisionActionsRecord,
  DecisionActionsResult,
  DecisionActionsRoot,
  DecisionActionsWithoutAi,
  type DecisionActionButtonProps,
  type DecisionActionsProps,
  type DecisionActionsRootProps,
} from './decision-actions-parts.tsx';
export {
  DecisionActionsError,
  DecisionActionsNote,
  DecisionActionsStatus,
  DecisionActionsTime,
  DecisionActionsTimeOver,
} from './decision-actions-status.tsx';
export {
  DecisionActionsTarget,
  DecisionActionsTargetInput,
  DecisionActionsTargetOption,
  type DecisionActionsTargetInputProps,
  type DecisionActionsTargetOptionProps,
  type DecisionActionsTargetProps,
} from './target-input.tsx';
export {
  useDecisionActions,
  type DecideWithoutAiEvent,
  type UseDecisionActionsProps,
  type UseDecisionActionsResult,
} from './use-decision-actions.ts';
export {
  useDecisionActionsState,
  type DecisionActionsStateResult,
  type TargetError,
} from './use-decision-actions-state.ts';

// Spelled out so the declaration file can name every part (the composed function is private).
export const DecisionActions: typeof DecisionActionsComposed & {
  Root: typeof DecisionActionsRoot;
  Status: typeof DecisionActionsStatus;
  Time: typeof DecisionActionsTime;
  Note: typeof DecisionActionsNote;
  TimeOver: typeof DecisionActionsTimeOver;
  Accept: typeof DecisionActionsAccept;
  Modify: typeof DecisionActionsModify;
  Override: typeof DecisionActionsOverride;
  Record: typeof DecisionActionsRecord;
  WithoutAi: typeof DecisionActionsWithoutAi;
  Target: typeof DecisionActionsTarget;
  TargetInput: typeof DecisionActionsTargetInput;
  TargetOption: typeof DecisionActionsTargetOption;
  Error: typeof DecisionActionsError;
  Result: typeof DecisionActionsResult;
} = Object.assign(DecisionActionsComposed, {
  Root: DecisionActionsRoot,
  Status: DecisionActionsStatus,
  Time: DecisionActionsTime,
  Note: DecisionActionsNote,
  TimeOver: DecisionActionsTimeOver,
  Accept: DecisionActionsAccept,
  Modify: DecisionActionsModify,
  Override: DecisionActionsOverride,
  Record: DecisionActionsRecord,
  WithoutAi: DecisionActionsWithoutAi,
  Target: DecisionActionsTarget,
  TargetInput: DecisionActionsTargetInput,
  TargetOption: DecisionActionsTargetOption,
  Error: DecisionActionsError,
  Result: DecisionActionsResult,
});
