import {
  F_ABANDONED,
  F_EXCLUDED,
  F_FINAL,
  F_NO_AI_ARM,
  F_OPENED,
  F_REFINALIZED,
  F_TRUTH,
  FINAL,
  JUDGEMENT,
  KIND_LABEL,
  KIND_NUMBER,
  NONE,
  RECOMMENDATION,
  TRUTH,
  WITHOUT_AI,
  type DecisionTable,
} from './decisions.ts';
import { MS_PER_DAY, dayString, monthKey, monthStart, weekStartDay } from './time.ts';
import type {
  Activity,
  Binning,
  Calibration,
  CalibrationBin,
  ConfidenceBinRate,
  DecisionTime,
  ExplanationUse,
  GroupField,
  HistogramBin,
  Metrics,
  PeriodRates,
  ReasonCount,
} from './types.ts';
import { wilson } from './wilson.ts';

/*
 * The metrics of docs/research.md §3 over a set of finalized decisions, with the populations the
 * issue fixes (a = recommended label, c = its confidence, h0 = the judgement's label, h = final
 * label, y = truth label):
 *
 * - "shown": outcome ≠ without-ai and arm ≠ no-ai (a decision without `decision.opened` is in the
 *   default arm, `ai`);
 * - agreement/override over shown decisions with h and a of the same kind (labels compared as
 *   labels, numeric decisions by exact equality of values); byConfidenceBin is the override rate
 *   of those that also have c, per equal-width bin;
 * - every other metric is a label metric: numeric decisions (value, no label) are left out;
 * - accuracy.human/ai and calibration are over all finalized decisions (any arm, any outcome),
 *   accuracy.team and the reliance metrics over shown decisions only;
 * - weight of advice over shown numeric decisions with h0, a, h and a ≠ h0.
 *
 * `sql/metrics.sql` implements the same definitions; `sql.test.ts` holds them equal.
 */

/** Default number of calibration bins. */
export const DEFAULT_BINS = 10;

class Counter {
  k = 0;
  n = 0;
  add(hit: boolean): void {
    this.n++;
    if (hit) this.k++;
  }
  rate() {
    return wilson(this.k, this.n);
  }
}

/** Nearest-rank percentile of sorted values: the value at rank ⌈p·n⌉ (integer arithmetic). */
function nearestRank(sorted: Float64Array, percent: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.floor((percent * n + 99) / 100);
  return sorted[Math.max(1, rank) - 1]!;
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

function durationHistogram(sorted: Float64Array): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const p95 = nearestRank(sorted, 95) ?? 0;
  const step = niceStep(p95 / 12);
  const count = Math.max(1, Math.ceil(p95 / step));
  const bins: HistogramBin[] = [];
  for (let i = 0; i < count; i++) bins.push({ x0: i * step, x1: (i + 1) * step, count: 0 });
  // Equal widths up to about the 95th percentile; the last bin also counts the long tail (and says
  // so), rather than stretching across it or cutting it off.
  let overflow = false;
  for (let i = 0; i < n; i++) {
    const raw = Math.floor(sorted[i]! / step);
    if (raw >= count) overflow = true;
    bins[Math.min(count - 1, raw)]!.count++;
  }
  if (overflow) bins[count - 1]!.overflow = true;
  return bins;
}

/**
 * Calibration from parallel arrays of confidences and correctness (1/0).
 *
 * Width binning puts c in bin min(⌊c·M⌋, M − 1). Mass binning sorts by (c, correct) and puts the
 * case of 0-based rank r in bin ⌊r·M/n⌋, so bins differ in size by at most one; only non-empty
 * bins are listed, with the smallest and largest confidence as edges.
 */
export function calibrationOf(
  confidence: Float64Array,
  correct: Uint8Array,
  bins: number,
  binning: Binning,
): Calibration {
  const n = confidence.length;
  const count = new Float64Array(bins);
  const sumC = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const lo = new Float64Array(bins).fill(Infinity);
  const hi = new Float64Array(bins).fill(-Infinity);
  let brierSum = 0;
  const place = (c: number, ok: number, bin: number) => {
    count[bin]!++;
    sumC[bin]! += c;
    hits[bin]! += ok;
    if (c < lo[bin]!) lo[bin] = c;
    if (c > hi[bin]!) hi[bin] = c;
    brierSum += (c - ok) * (c - ok);
  };
  if (binning === 'width') {
    for (let i = 0; i < n; i++) {
      const c = confidence[i]!;
      place(c, correct[i]!, Math.min(Math.floor(c * bins), bins - 1));
    }
  } else {
    // Sorting by (c, correct): wrong cases first among equal confidences, as the SQL orders them.
    let rights = 0;
    for (let i = 0; i < n; i++) rights += correct[i]!;
    const w = new Float64Array(n - rights);
    const r = new Float64Array(rights);
    let wi = 0;
    let ri = 0;
    for (let i = 0; i < n; i++) {
      if (correct[i]) r[ri++] = confidence[i]!;
      else w[wi++] = confidence[i]!;
    }
    w.sort();
    r.sort();
    let a = 0;
    let b = 0;
    for (let rank = 0; rank < n; rank++) {
      const takeWrong = b >= r.length || (a < w.length && w[a]! <= r[b]!);
      const c = takeWrong ? w[a++]! : r[b++]!;
      place(c, takeWrong ? 0 : 1, Math.floor((rank * bins) / n));
    }
  }
  const out: CalibrationBin[] = [];
  let ece = 0;
  let mce: number | null = null;
  for (let m = 0; m < bins; m++) {
    const nm = count[m]!;
    if (nm === 0) {
      if (binning === 'width')
        out.push({ lo: m / bins, hi: (m + 1) / bins, n: 0, confidence: null, accuracy: null });
      continue;
    }
    const conf = sumC[m]! / nm;
    const acc = hits[m]! / nm;
    const gap = Math.abs(acc - conf);
    ece += (nm / n) * gap;
    mce = mce === null ? gap : Math.max(mce, gap);
    out.push({
      lo: binning === 'width' ? m / bins : lo[m]!,
      hi: binning === 'width' ? (m + 1) / bins : hi[m]!,
      n: nm,
      confidence: conf,
      accuracy: acc,
    });
  }
  return {
    ece: n === 0 ? null : ece,
    mce,
    brier: n === 0 ? null : brierSum / n,
    n,
    bins: out,
    binning,
    binCount: bins,
  };
}

/** Finalized and not excluded by a conflict. */
const COUNTED = F_FINAL | F_EXCLUDED;

/**
 * Iterates the finalized decisions of `slots` (all finalized decisions when null); decisions
 * excluded because of conflicting copies of one of their events are skipped.
 */
function forEachFinal(
  table: DecisionTable,
  slots: ArrayLike<number> | null,
  visit: (slot: number) => void,
): void {
  if (slots === null) {
    for (let slot = 0; slot < table.size; slot++) if ((table.flags[slot]! & COUNTED) === F_FINAL) visit(slot);
  } else {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if ((table.flags[slot]! & COUNTED) === F_FINAL) visit(slot);
    }
  }
}

/**
 * The metrics over the finalized decisions among `slots` (all when null).
 *
 * @example
 * computeMetrics(table, null, { bins: 10, binning: 'width' }).override; // { rate, lo, hi, k, n }
 */
export function computeMetrics(
  table: DecisionTable,
  slots: ArrayLike<number> | null,
  options: { bins: number; binning: Binning },
): Metrics {
  const { bins, binning } = options;
  const agreement = new Counter();
  const switched = new Counter();
  const overReliance = new Counter();
  const underReliance = new Counter();
  const rair = new Counter();
  const rsr = new Counter();
  const human = new Counter();
  const ai = new Counter();
  const team = new Counter();
  const byBin = Array.from({ length: bins }, () => new Counter());
  // Typed arrays sized for the worst case, not growing JS arrays: at a million decisions the
  // copies of a growing array are tens of megabytes at the peak of a run.
  const capacity = slots === null ? table.size : slots.length;
  const confidences = new Float64Array(capacity);
  const corrects = new Uint8Array(capacity);
  const durations = new Float64Array(capacity);
  let calibrationCases = 0;
  let woaSum = 0;
  let woaN = 0;
  let decisions = 0;

  const {
    flags,
    outcome,
    kinds,
    finalValue,
    recValue,
    recConfidence,
    judgementValue,
    truthValue,
    durationMs,
  } = table;

  forEachFinal(table, slots, (slot) => {
    decisions++;
    durations[decisions - 1] = durationMs[slot]!;
    const kindByte = kinds[slot]!;
    const hKind = (kindByte >> FINAL) & 3;
    const aKind = (kindByte >> RECOMMENDATION) & 3;
    const h0Kind = (kindByte >> JUDGEMENT) & 3;
    const yKind = (kindByte >> TRUTH) & 3;
    const h = finalValue[slot]!;
    const a = recValue[slot]!;
    const h0 = judgementValue[slot]!;
    const y = truthValue[slot]!;
    const c = recConfidence[slot]!;
    const shown = outcome[slot] !== WITHOUT_AI && !(flags[slot]! & F_NO_AI_ARM);

    const hL = hKind === KIND_LABEL;
    const aL = aKind === KIND_LABEL;
    const h0L = h0Kind === KIND_LABEL;
    const yL = yKind === KIND_LABEL;

    if (h0L && yL) human.add(h0 === y);
    if (aL && yL) {
      ai.add(a === y);
      if (!Number.isNaN(c)) {
        confidences[calibrationCases] = c;
        corrects[calibrationCases++] = a === y ? 1 : 0;
      }
    }
    if (!shown) return;

    const comparable = (hL && aL) || (hKind === KIND_NUMBER && aKind === KIND_NUMBER);
    if (comparable) {
      agreement.add(h === a);
      if (!Number.isNaN(c)) byBin[Math.min(Math.floor(c * bins), bins - 1)]!.add(h !== a);
    }
    if (hL && yL) team.add(h === y);
    if (hL && aL) {
      if (h0L && h0 !== a) switched.add(h === a);
      if (yL) {
        if (a !== y) overReliance.add(h === a);
        else underReliance.add(h !== a);
        if (h0L) {
          if (h0 !== y && a === y) rair.add(h === a);
          if (h0 === y && a !== y) rsr.add(h === h0);
        }
      }
    }
    if (hKind === KIND_NUMBER && aKind === KIND_NUMBER && h0Kind === KIND_NUMBER && a !== h0) {
      const weight = (h - h0) / (a - h0);
      woaSum += Math.min(1, Math.max(0, weight));
      woaN++;
    }
  });

  const agreementRate = agreement.rate();
  const humanRate = human.rate();
  const aiRate = ai.rate();
  const teamRate = team.rate();
  let durationSum = 0;
  for (let i = 0; i < decisions; i++) durationSum += durations[i]!;
  const sorted = durations.subarray(0, decisions).sort();
  const decisionTimeMs: DecisionTime = {
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    mean: decisions === 0 ? null : durationSum / decisions,
    n: decisions,
    histogram: durationHistogram(sorted),
  };
  const byConfidenceBin: ConfidenceBinRate[] = byBin.map((counter, m) => ({
    lo: m / bins,
    hi: (m + 1) / bins,
    override: counter.rate(),
  }));
  return {
    decisions,
    agreement: agreementRate,
    override: wilson(agreement.n - agreement.k, agreement.n),
    switch: switched.rate(),
    overReliance: overReliance.rate(),
    underReliance: underReliance.rate(),
    rair: rair.rate(),
    rsr: rsr.rate(),
    accuracy: { human: humanRate, ai: aiRate, team: teamRate },
    complementarity:
      humanRate && aiRate && teamRate ? teamRate.rate - Math.max(humanRate.rate, aiRate.rate) : null,
    calibration: calibrationOf(
      confidences.subarray(0, calibrationCases),
      corrects.subarray(0, calibrationCases),
      bins,
      binning,
    ),
    decisionTimeMs,
    byConfidenceBin,
    weightOfAdvice: { mean: woaN === 0 ? null : woaSum / woaN, n: woaN },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Report extras
 * -----------------------------------------------------------------------------------------------*/

interface PeriodCounters {
  decisions: number;
  override: Counter;
  overReliance: Counter;
  underReliance: Counter;
}

function periodCounters(): PeriodCounters {
  return { decisions: 0, override: new Counter(), overReliance: new Counter(), underReliance: new Counter() };
}

/**
 * Rates per month and ISO week (of the finalized event's `ts`), reason-code counts, explanation
 * use and activity counts: what the report and the dashboard draw beyond the metrics of docs/contracts.md §3.3.
 */
export function computeExtras(table: DecisionTable): {
  overTime: { month: PeriodRates[]; week: PeriodRates[] };
  reasons: ReasonCount[];
  explanations: ExplanationUse[];
  activity: Activity;
} {
  const months = new Map<string, PeriodCounters>();
  const weeks = new Map<number, PeriodCounters>();
  const reasonCounts = new Float64Array(table.reasons.length);
  const panelCounts = new Float64Array(table.panelNames.values.length);
  const activity: Activity = {
    decisionsSeen: table.size,
    opened: 0,
    finalized: 0,
    abandoned: 0,
    withoutAi: 0,
    noAiArm: 0,
    withTruth: 0,
    refinalized: 0,
    aiStopped: table.aiStopped,
  };
  const { flags, outcome, kinds, finalValue, recValue, truthValue, finalTs } = table;
  for (let slot = 0; slot < table.size; slot++) {
    const f = flags[slot]!;
    if (f & F_EXCLUDED) {
      activity.decisionsSeen--;
      continue;
    }
    if (f & F_OPENED) activity.opened++;
    if (!(f & F_FINAL)) {
      if (f & F_ABANDONED) activity.abandoned++;
      continue;
    }
    activity.finalized++;
    if (outcome[slot] === WITHOUT_AI) activity.withoutAi++;
    if (f & F_NO_AI_ARM) activity.noAiArm++;
    if (f & F_TRUTH) activity.withTruth++;
    if (f & F_REFINALIZED) activity.refinalized++;
    for (const reason of table.reasonSets[table.reasonSet.get(slot)] ?? []) reasonCounts[reason]!++;
    const panels = table.panels.get(slot);
    if (panels !== 0) for (let p = 0; p < panelCounts.length; p++) if (panels & (1 << p)) panelCounts[p]!++;

    const ts = finalTs[slot]!;
    const month = monthKey(ts);
    const week = weekStartDay(ts);
    let m = months.get(month);
    if (!m) months.set(month, (m = periodCounters()));
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = periodCounters()));
    m.decisions++;
    w.decisions++;
    const shown = outcome[slot] !== WITHOUT_AI && !(f & F_NO_AI_ARM);
    if (!shown) continue;
    const k = kinds[slot]!;
    const hKind = (k >> FINAL) & 3;
    const aKind = (k >> RECOMMENDATION) & 3;
    const yKind = (k >> TRUTH) & 3;
    const h = finalValue[slot]!;
    const a = recValue[slot]!;
    const y = truthValue[slot]!;
    if ((hKind === KIND_LABEL && aKind === KIND_LABEL) || (hKind === KIND_NUMBER && aKind === KIND_NUMBER)) {
      m.override.add(h !== a);
      w.override.add(h !== a);
    }
    if (hKind === KIND_LABEL && aKind === KIND_LABEL && yKind === KIND_LABEL) {
      const target = a !== y ? 'overReliance' : 'underReliance';
      const hit = a !== y ? h === a : h !== a;
      m[target].add(hit);
      w[target].add(hit);
    }
  }
  const toRates = (period: string, start: number, c: PeriodCounters): PeriodRates => ({
    period,
    start: new Date(start).toISOString(),
    decisions: c.decisions,
    override: c.override.rate(),
    overReliance: c.overReliance.rate(),
    underReliance: c.underReliance.rate(),
  });
  const month = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, c]) => toRates(key, monthStart(key), c));
  const week = [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, c]) => toRates(dayString(day), day * MS_PER_DAY, c));
  const reasons: ReasonCount[] = table.reasons
    .map((reason, i) => ({ ...reason, count: reasonCounts[i]! }))
    .filter((reason) => reason.count > 0)
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const explanations: ExplanationUse[] = table.panelNames.values.map((panel, i) => ({
    panel,
    share: wilson(panelCounts[i]!, activity.finalized),
  }));
  return { overTime: { month, week }, reasons, explanations, activity };
}

/* -------------------------------------------------------------------------------------------------
 * Grouping
 * -----------------------------------------------------------------------------------------------*/

/** The group a finalized decision belongs to under `by`; absent values are "(none)". */
export function groupKeyOf(table: DecisionTable, slot: number, by: GroupField): string {
  const context = table.contexts[table.context.get(slot)];
  const orNone = (value: string | undefined) => (value === undefined || value === '' ? '(none)' : value);
  switch (by) {
    case 'procedure':
      return orNone(context?.procedure);
    case 'model': {
      const fromFinal = context?.model ?? '';
      const revealed = table.revealedModel.get(slot);
      return orNone(fromFinal !== '' ? fromFinal : revealed === NONE ? '' : table.strings.get(revealed));
    }
    case 'arm':
      return table.flags[slot]! & F_NO_AI_ARM ? 'no-ai' : 'ai';
    case 'uiVariant':
      return orNone(table.strings.get(table.uiVariant.get(slot)));
    case 'role':
      return orNone(context?.role);
    case 'month':
      return monthKey(table.finalTs[slot]!);
    case 'actor':
      return orNone(context?.actor);
  }
}

/** Finalized decisions by group key, in order of first appearance. */
export function groupSlots(table: DecisionTable, by: GroupField): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  forEachFinal(table, null, (slot) => {
    const key = groupKeyOf(table, slot, by);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(slot);
  });
  return groups;
}
