import { useCallback, useState } from 'react';
import type { DecisionActionId } from './actions-model.ts';

/*
 * What the person has entered at the actions but not sent yet: the option picked and the text
 * typed per action, and the error shown at one action's target after a press. Nothing here is a
 * rule; `actions-model.ts` reads it to build the targets and the final decision.
 */

/** The error shown at an action's target. */
export interface TargetError {
  action: DecisionActionId;
  text: string;
}

export interface DecisionActionsStateResult {
  /** The option picked, per action. */
  choices: Partial<Record<DecisionActionId, string>>;
  /** The text typed, per action. */
  texts: Partial<Record<DecisionActionId, string>>;
  targetError: TargetError | null;
  /** Picks an option for an action (and clears that action's error). */
  setChoice(action: DecisionActionId, option: string): void;
  /** Sets an action's typed text (and clears that action's error). */
  setText(action: DecisionActionId, text: string): void;
  /** Shows an error at an action's target, or clears it (`null`). */
  setTargetError(error: TargetError | null): void;
}

/**
 * The unsent input of the final-decision actions.
 *
 * @example
 * const s = useDecisionActionsState();
 * s.setChoice('override', 'reject');
 */
export function useDecisionActionsState(): DecisionActionsStateResult {
  const [choices, setChoices] = useState<Partial<Record<DecisionActionId, string>>>({});
  const [texts, setTexts] = useState<Partial<Record<DecisionActionId, string>>>({});
  const [targetError, setTargetError] = useState<TargetError | null>(null);
  const clearFor = useCallback((action: DecisionActionId) => {
    setTargetError((current) => (current?.action === action ? null : current));
  }, []);
  const setChoice = useCallback(
    (action: DecisionActionId, option: string) => {
      setChoices((current) => ({ ...current, [action]: option }));
      clearFor(action);
    },
    [clearFor],
  );
  const setText = useCallback(
    (action: DecisionActionId, text: string) => {
      setTexts((current) => ({ ...current, [action]: text }));
      clearFor(action);
    },
    [clearFor],
  );
  return { choices, texts, targetError, setChoice, setText, setTargetError };
}
