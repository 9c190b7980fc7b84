/*
 * `@deliberate/analytics/dashboard`: the evaluator dashboard as React components. They take a
 * metrics result of the pure engine (`@deliberate/analytics`) and render with
 * @deliberate/charts. Styles: `@deliberate/analytics/dashboard.css` plus the charts' stylesheet.
 */
import {
  OverrideDashboard,
  OverrideDashboardConfidenceBins,
  OverrideDashboardDecisionTimes,
  OverrideDashboardExplanations,
  OverrideDashboardOverTime,
  OverrideDashboardReasons,
  OverrideDashboardReliability,
  OverrideDashboardSummary,
} from './override-dashboard.tsx';

export {
  DASHBOARD_PARTS,
  OverrideDashboard,
  OverrideDashboardConfidenceBins,
  OverrideDashboardDecisionTimes,
  OverrideDashboardExplanations,
  OverrideDashboardOverTime,
  OverrideDashboardReasons,
  OverrideDashboardReliability,
  OverrideDashboardSummary,
  countText,
  intervalText,
  overTimeUnit,
  summaryRates,
} from './override-dashboard.tsx';
export type { DashboardPart, DashboardPartProps, OverrideDashboardProps } from './override-dashboard.tsx';
export { ConfidenceBinChart } from './confidence-bin-chart.tsx';
export type { ConfidenceBinChartProps } from './confidence-bin-chart.tsx';
export { dashboardMessages } from './messages.ts';
export type { DashboardLocale, DashboardMessages, MetricText } from './messages.ts';

/**
 * Short names for the dashboard's parts, for composing your own layout.
 *
 * @example
 * <Dashboard.Summary result={result} locale="en" />
 * <Dashboard.Reliability result={result} locale="en" />
 */
export const Dashboard = {
  Root: OverrideDashboard,
  Summary: OverrideDashboardSummary,
  Reliability: OverrideDashboardReliability,
  ConfidenceBins: OverrideDashboardConfidenceBins,
  OverTime: OverrideDashboardOverTime,
  Reasons: OverrideDashboardReasons,
  DecisionTimes: OverrideDashboardDecisionTimes,
  Explanations: OverrideDashboardExplanations,
} as const;
