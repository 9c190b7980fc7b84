/*
 * The result shapes of the metrics engine. The top-level object is the `deliberate metrics --json`
 * contract (docs/contracts.md §3.3); fields beyond the contract (`weightOfAdvice`, `input`,
 * `overTime`, `reasons`, `explanations`, `activity`, `decisionTimeMs.n/histogram`) are extensions:
 * they may be added to, never changed.
 */

/**
 * A rate with its Wilson 95 % interval (docs/research.md §3): `k` of `n` decisions. A rate over no
 * decisions is `null`, never 0.
 *
 * @example
 * { rate: 0.308, lo: 0.255, hi: 0.366, k: 81, n: 263 }
 */
export interface Rate {
  rate: number;
  lo: number;
  hi: number;
  k: number;
  n: number;
}

/** How the calibration bins are cut: equal width in confidence, or (nearly) equal case count. */
export type Binning = 'width' | 'mass';

/** One calibration bin: the AI's mean confidence against how often it was right. */
export interface CalibrationBin {
  /** Lower edge: `m/M` for width bins, the smallest confidence in the bin for mass bins. */
  lo: number;
  /** Upper edge: `(m+1)/M` for width bins, the largest confidence in the bin for mass bins. */
  hi: number;
  n: number;
  /** Mean confidence in the bin; `null` when the bin is empty. */
  confidence: number | null;
  /** Share of the bin's cases where the AI was right; `null` when the bin is empty. */
  accuracy: number | null;
}

/** Calibration of the AI's confidence over decisions with a label, a confidence and a truth. */
export interface Calibration {
  /** Expected calibration error Σ (n_m/n)·|acc_m − conf_m|; `null` without cases. */
  ece: number | null;
  /** Maximum calibration error over non-empty bins; `null` without cases. */
  mce: number | null;
  /** Mean of (c − correct)²; `null` without cases. */
  brier: number | null;
  /** Cases the calibration is computed over. */
  n: number;
  /** Width binning: all `binCount` bins, empty ones included. Mass binning: the non-empty bins. */
  bins: CalibrationBin[];
  binning: Binning;
  /** The requested number of bins (`--bins`). */
  binCount: number;
}

/** Override rate in one equal-width confidence bin. */
export interface ConfidenceBinRate {
  lo: number;
  hi: number;
  override: Rate | null;
}

/** A precomputed histogram bin: values in [x0, x1). */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** The last bin: it also counts every value from x1 on (the long tail). */
  overflow?: boolean;
}

/** Time from `decision.opened` to `decision.finalized` (the event's `durationMs`). */
export interface DecisionTime {
  /** Nearest-rank median; `null` without decisions. */
  p50: number | null;
  /** Nearest-rank 90th percentile; `null` without decisions. */
  p90: number | null;
  mean: number | null;
  n: number;
  /**
   * Extension: counts in equal-width bins from 0 up to the 95th percentile (rounded up); the last
   * bin also counts the tail beyond it (`overflow`).
   */
  histogram: HistogramBin[];
}

/** Weight of advice for numeric decisions (Harvey & Fischer 1997), clipped to [0, 1]. */
export interface WeightOfAdvice {
  mean: number | null;
  n: number;
}

/** What was read: lines, unique events, duplicates and malformed lines. */
export interface InputSummary {
  /** Non-empty lines read (blank lines are skipped, not counted as malformed). */
  lines: number;
  /** Valid, unique events. */
  events: number;
  /** Valid events whose id was seen before; each id counts once. */
  duplicates: number;
  malformed: {
    count: number;
    /** The first 20 malformed line numbers (1-based). */
    lines: number[];
  };
  /**
   * Copies of an event id with different content. A conflict is never resolved by order: every
   * decision either copy belongs to is left out of every metric (`decisionsExcluded`).
   */
  conflicts: {
    /** Conflicting copies (a copy that differs from the first copy of its id). */
    count: number;
    /** Distinct ids with conflicting copies. */
    ids: number;
    decisionsExcluded: number;
    /** The first 20: the id with the line of its first copy and of the conflicting one. */
    list: { id: string; lines: number[] }[];
  };
  /** The last non-blank line when it is not JSON (a truncated write); else null. */
  unparseableFinalLine: number | null;
}

/** One period of the rates over time. */
export interface PeriodRates {
  /** `YYYY-MM` for months, the Monday `YYYY-MM-DD` for ISO weeks. */
  period: string;
  /** First instant of the period, ISO 8601. */
  start: string;
  decisions: number;
  override: Rate | null;
  overReliance: Rate | null;
  underReliance: Rate | null;
}

/** A reason code and how many finalized decisions gave it. */
export interface ReasonCount {
  system: string;
  code: string;
  /** The display text of the first event that used this code. */
  display: string;
  count: number;
}

/** Share of finalized decisions in which a person opened an explanation panel. */
export interface ExplanationUse {
  panel: string;
  /** k decisions with the panel opened out of n finalized decisions. */
  share: Rate | null;
}

/** Counts of what happened around the decisions, for the report's context. */
export interface Activity {
  /** Distinct decisions seen in any event. */
  decisionsSeen: number;
  opened: number;
  finalized: number;
  /** Decisions with `decision.abandoned` and no `decision.finalized`. */
  abandoned: number;
  /** Finalized decisions with the outcome `without-ai`. */
  withoutAi: number;
  /** Finalized decisions in the no-AI control arm. */
  noAiArm: number;
  /** Finalized decisions with a recorded truth. */
  withTruth: number;
  /** Finalized decisions with more than one `decision.finalized` event (the latest counts). */
  refinalized: number;
  /** `ai.stopped` events. */
  aiStopped: number;
}

/**
 * The metrics of docs/research.md §3 over one set of finalized decisions, as `deliberate metrics
 * --json` prints it.
 */
export interface Metrics {
  /** Finalized decisions. */
  decisions: number;
  agreement: Rate | null;
  override: Rate | null;
  switch: Rate | null;
  overReliance: Rate | null;
  underReliance: Rate | null;
  rair: Rate | null;
  rsr: Rate | null;
  accuracy: { human: Rate | null; ai: Rate | null; team: Rate | null };
  complementarity: number | null;
  calibration: Calibration;
  decisionTimeMs: DecisionTime;
  byConfidenceBin: ConfidenceBinRate[];
  weightOfAdvice: WeightOfAdvice;
}

/** The full result over a log: the metrics plus what was read and the report's extras. */
export interface MetricsReport extends Metrics {
  input: InputSummary;
  overTime: { month: PeriodRates[]; week: PeriodRates[] };
  reasons: ReasonCount[];
  explanations: ExplanationUse[];
  activity: Activity;
}

/**
 * The fields decisions can be grouped by. `actor` rates individual employees and is refused
 * unless explicitly allowed (staff co-determination, docs/research.md §4).
 */
export type GroupField = 'procedure' | 'model' | 'arm' | 'uiVariant' | 'role' | 'month' | 'actor';

/** The grouped result (`--by`): one metrics object per group of at least `k` decisions. */
export interface GroupedMetricsReport {
  by: GroupField;
  /** Minimum group size; smaller groups are suppressed. */
  k: number;
  /** All finalized decisions, in groups or suppressed. */
  decisions: number;
  groups: Record<string, Metrics>;
  suppressed: { groups: number; decisions: number };
  input: InputSummary;
}

/** Options for computing metrics from the ingested decisions. */
export interface MetricsOptions {
  /**
   * Number of calibration bins (`--bins`); also the bins of `byConfidenceBin`.
   * @default 10
   */
  bins?: number | undefined;
  /**
   * Calibration binning strategy (`--binning`).
   * @default 'width'
   */
  binning?: Binning | undefined;
}

/** Options for grouped metrics. */
export interface GroupOptions extends MetricsOptions {
  /**
   * Groups with fewer decisions are suppressed and only counted (`--k`).
   * @default 10
   */
  k?: number | undefined;
  /**
   * Grouping by `actor` rates individual employees; it needs the staff council's consent and is
   * refused unless this is true (`--allow-individual-actors`).
   * @default false
   */
  allowIndividualActors?: boolean | undefined;
}
