/*
 * `@deliberate/analytics`: the pure metrics engine over `deliberate.event/1` logs — streaming
 * join, the reliance metrics of docs/research.md §3 with Wilson intervals, grouping with small-group
 * suppression, and the simulator. No Node APIs and no React: it runs in a browser (the
 * dashboard's stories) as well as in the CLI. Files and streams: `@deliberate/analytics/node`;
 * React components: `@deliberate/analytics/dashboard`.
 */
export {
  createMetricsEngine,
  metricsFromEvents,
  MetricsOptionError,
  DEFAULT_K,
  GROUP_FIELDS,
} from './engine.ts';
export type { MetricsEngine } from './engine.ts';
export { DEFAULT_BINS, calibrationOf, computeMetrics, groupKeyOf } from './compute.ts';
export { DecisionTable } from './decisions.ts';
export { wilson, Z_95 } from './wilson.ts';
export { isDeliberateEvent } from './validate.ts';
export { canonicalJson, hashInput } from './canonical.ts';
export { simulateEvents, simulatedStaff, EVENTS_PER_DECISION, SIMULATED_PROCEDURES } from './simulate.ts';
export type { SimulatedHabit, SimulationOptions } from './simulate.ts';
export type * from './types.ts';
