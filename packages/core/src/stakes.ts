/** How much is at stake for the affected person if the decision is wrong. */
export type Stakes = 'low' | 'medium' | 'high';
export const STAKES: readonly Stakes[] = ['low', 'medium', 'high'];
