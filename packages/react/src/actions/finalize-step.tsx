import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { Contrast } from '../contrast/contrast.tsx';
import { useDecision } from '../decision/decision-provider.tsx';
import { Justification } from '../justification/justification.tsx';
import {
  DecisionActions,
  type DecisionActionsProps,
  type UseDecisionActionsProps,
} from './decision-actions.tsx';
import { FinalizeProvider, useFinalize, type FinalizeProviderProps } from './finalize-context.tsx';

/*
 * The finalize step: Contrast (what you thought, what the AI says, how you resolve a
 * disagreement), Justification (reasons and comment), DecisionActions (record it). They share one
 * `FinalizeProvider`, which is how the resolution gates the actions and the reasons travel with
 * `finalize`; see `finalize-context.tsx`.
 */

/**
 * `data-state` of the step's root:
 * - `pending`: the final decision is not possible yet (the AI must be shown first).
 * - `unresolved`: a disagreement waits for the person's resolution.
 * - `deciding`: the person can record the final decision.
 * - `finalized`: it is recorded.
 * - `ended`: the decision was abandoned.
 */
export type FinalizeStepState = 'pending' | 'unresolved' | 'deciding' | 'finalized' | 'ended';

export interface FinalizeStepRootProps
  extends FinalizeProviderProps, Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  children?: ReactNode;
}

const FinalizeStepFrame = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function FinalizeStepFrame({ className, children, ...rest }, ref) {
    const { state, plan, recommendation } = useDecision('FinalizeStep.Root');
    const finalize = useFinalize('FinalizeStep.Root');
    const status = state.status;
    const aiShown = state.revealedAt !== undefined && recommendation !== null;
    const possible =
      aiShown || status === 'without-ai' || status === 'ai-stopped' || plan.reveal === 'on-request';
    const dataState: FinalizeStepState =
      status === 'finalized'
        ? 'finalized'
        : status === 'abandoned'
          ? 'ended'
          : !possible
            ? 'pending'
            : finalize.resolutionRequired
              ? 'unresolved'
              : 'deciding';
    return (
      <div
        {...rest}
        ref={ref}
        className={['dlb-finalize', className].filter(Boolean).join(' ')}
        data-state={dataState}
      >
        {children}
      </div>
    );
  },
);

/**
 * The finalize step's state (`FinalizeProvider`) and a `div` with `data-state` (see
 * `FinalizeStepState`). Compose Contrast, Justification and DecisionActions inside it in any order.
 *
 * @example
 * <FinalizeStep.Root onFinalize={(event) => audit(event.action)}>
 *   <Contrast /><MyChecklist /><Justification /><DecisionActions />
 * </FinalizeStep.Root>
 */
export const FinalizeStepRoot = forwardRef<HTMLDivElement, FinalizeStepRootProps>(
  function FinalizeStepRoot(props, ref) {
    const {
      resolution,
      defaultResolution,
      onResolutionChange,
      reasons,
      defaultReasons,
      onReasonsChange,
      comment,
      defaultComment,
      onCommentChange,
      onFinalize,
      children,
      ...rest
    } = props;
    return (
      <FinalizeProvider
        resolution={resolution}
        defaultResolution={defaultResolution}
        onResolutionChange={onResolutionChange}
        reasons={reasons}
        defaultReasons={defaultReasons}
        onReasonsChange={onReasonsChange}
        comment={comment}
        defaultComment={defaultComment}
        onCommentChange={onCommentChange}
        onFinalize={onFinalize}
      >
        <FinalizeStepFrame {...rest} ref={ref}>
          {children}
        </FinalizeStepFrame>
      </FinalizeProvider>
    );
  },
);
FinalizeStepRoot.displayName = 'FinalizeStep.Root';

export interface FinalizeStepProps
  extends
    FinalizeStepRootProps,
    Pick<UseDecisionActionsProps, 'onDecideWithoutAi' | 'options' | 'kind' | 'unit'>,
    Pick<DecisionActionsProps, 'showWithoutAi'> {}

/**
 * Contrast + Justification + DecisionActions, coordinated: a disagreement must be resolved before
 * any finalize action is available, the reasons go with `finalize`, a refused finalize points to
 * the missing reason or comment. `onFinalize` runs before the decision is recorded and can cancel.
 *
 * @example
 * <DecisionProvider …>
 *   <IndependentJudgement />
 *   <Recommendation />
 *   <FinalizeStep onFinalize={(event) => { if (!confirmed) event.preventDefault(); }} />
 * </DecisionProvider>
 */
function FinalizeStepComposed({
  onDecideWithoutAi,
  options,
  kind,
  unit,
  showWithoutAi,
  children,
  ...props
}: FinalizeStepProps) {
  return (
    <FinalizeStepRoot {...props}>
      {children ?? (
        <>
          <Contrast />
          <Justification />
          <DecisionActions
            onDecideWithoutAi={onDecideWithoutAi}
            options={options}
            kind={kind}
            unit={unit}
            {...(showWithoutAi === undefined ? {} : { showWithoutAi })}
          />
        </>
      )}
    </FinalizeStepRoot>
  );
}
FinalizeStepComposed.displayName = 'FinalizeStep';

// Spelled out so the declaration file can name every part (the composed functions are private).
export const FinalizeStep: typeof FinalizeStepComposed & {
  Root: typeof FinalizeStepRoot;
  Contrast: typeof Contrast;
  Justification: typeof Justification;
  Actions: typeof DecisionActions;
} = Object.assign(FinalizeStepComposed, {
  Root: FinalizeStepRoot,
  Contrast,
  Justification,
  Actions: DecisionActions,
});
