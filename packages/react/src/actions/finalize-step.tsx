import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { Contrast } from '../contrast/contrast.tsx';
import { Justification } from '../justification/justification.tsx';
import { cx } from '../utils/class-names.ts';
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
    // Core's model of the step, as the provider asked it (docs/architecture.md §1).
    const { step } = useFinalize('FinalizeStep.Root');
    const dataState: FinalizeStepState =
      step.status === 'finalized' || step.status === 'ended' || step.status === 'pending'
        ? step.status
        : step.resolutionRequired
          ? 'unresolved'
          : 'deciding';
    return (
      <div {...rest} ref={ref} className={cx('dlb-finalize', className)} data-state={dataState}>
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
    Pick<UseDecisionActionsProps, 'onDecideWithoutAi'>,
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
function FinalizeStepComposed({ onDecideWithoutAi, showWithoutAi, children, ...props }: FinalizeStepProps) {
  return (
    <FinalizeStepRoot {...props}>
      {children ?? (
        <>
          <Contrast />
          <Justification />
          <DecisionActions
            onDecideWithoutAi={onDecideWithoutAi}
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
