/*
 * The English messages of the decision components: every family but the explanation, which is
 * loaded with the explanation panel (docs/architecture.md §1, "Locales and bundle size").
 */
import { actions } from './actions.ts';
import { common } from './common.ts';
import { confidence } from './confidence.ts';
import { contrast } from './contrast.ts';
import { judgement } from './judgement.ts';
import { justification } from './justification.ts';
import { oversight } from './oversight.ts';
import { recommendation } from './recommendation.ts';
import { screen } from './screen.ts';

export const decision = {
  ...common,
  ...confidence,
  ...recommendation,
  ...judgement,
  ...contrast,
  ...actions,
  ...justification,
  ...oversight,
  ...screen,
};
