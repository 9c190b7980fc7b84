import { createContext, useContext } from 'react';
import type { UseIndependentJudgementResult } from './use-independent-judgement.ts';

/* The Root's `useIndependentJudgement` result, shared with the parts. */

export const JudgementContext = createContext<UseIndependentJudgementResult | null>(null);
JudgementContext.displayName = 'IndependentJudgementContext';

/** The Root's judgement; throws with the part's name outside `IndependentJudgement.Root`. */
export function useJudgementPart(part: string): UseIndependentJudgementResult {
  const context = useContext(JudgementContext);
  if (!context) throw new Error(`\`${part}\` must be used within \`IndependentJudgement.Root\`.`);
  return context;
}
