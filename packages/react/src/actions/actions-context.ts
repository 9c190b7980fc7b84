import { createContext, useContext } from 'react';
import type { UseDecisionActionsResult } from './use-decision-actions.ts';

/* The behaviour `DecisionActions.Root` runs, shared with its parts. */

export const ActionsContext = createContext<UseDecisionActionsResult | null>(null);
ActionsContext.displayName = 'DecisionActionsContext';

/** The actions' behaviour for a part; throws (naming the part) outside `DecisionActions.Root`. */
export function useActionsPart(part: string): UseDecisionActionsResult {
  const context = useContext(ActionsContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`DecisionActions.Root\`.`);
  return context;
}
