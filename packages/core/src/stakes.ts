/**
 * How much is at stake for the affected person if the decision is wrong. Derive it from the case
 * (its attributes, the amount at issue), never from the AI's recommendation: the stakes choose the
 * friction before the reveal, so stakes that follow the AI's verdict would tell the person that
 * verdict before they judge (docs/architecture.md §1).
 */
export type Stakes = 'low' | 'medium' | 'high';
export const STAKES: readonly Stakes[] = ['low', 'medium', 'high'];
