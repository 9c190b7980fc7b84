import { extent } from 'd3-array';
import { polygonPath } from '../shared/paths.ts';
import { linearScale } from '../shared/scale.ts';
import { finiteOr, px } from '../shared/stats.ts';

/** One factor's signed contribution to a model output (SHAP, LIME, a scorecard's points…). */
export interface AttributionFactor {
  /** Stable identifier, used as React key and in the `data-factor-id` attribute. */
  id: string;
  /** What the person reads, e.g. "Monthly income". */
  label: string;
  /** The case's value for this factor, e.g. 2400 or "rented"; shown next to the label. */
  value?: number | string | undefined;
  /** How much this factor moves the output; positive raises it, negative lowers it. */
  contribution: number;
}

export interface AttributionLayoutInput {
  factors: readonly AttributionFactor[];
  /** The output before any factor is applied (SHAP's expected value). */
  baseValue: number;
  /** The model output; defaults to base + Σ contributions. A difference becomes a "residual" row. */
  prediction?: number | undefined;
  /** Factors drawn individually (Infinity: all); the rest fold into one "other factors" row. @default 8 */
  maxFactors?: number | undefined;
  /** Total width in px. */
  width: number;
  /** Height of one row in px. @default 32 */
  rowHeight?: number | undefined;
  /** Width of the label column in px; estimated from the longest label when omitted. */
  labelWidth?: number | undefined;
  /**
   * Length in characters of a row's label as it will be displayed, for the label column estimate.
   * Only drawn rows are measured, so a long label folded into "other factors" does not widen it.
   * @default the factor's label length, 20 for the fold and residual rows
   */
  labelLength?: ((row: Pick<AttributionRow, 'kind' | 'factor' | 'count'>) => number) | undefined;
}

export type AttributionRowKind = 'factor' | 'other' | 'residual';

/** One drawn row: a factor, the fold of the long tail, or the unexplained residual. */
export interface AttributionRow {
  key: string;
  kind: AttributionRowKind;
  /** Position in the drawn order (0 = first row under the base value). */
  index: number;
  /** The factor, for `kind: 'factor'`. */
  factor: AttributionFactor | null;
  contribution: number;
  /** Running total before and after this row, in output units. */
  start: number;
  end: number;
  /** Direction of the contribution after rounding away float noise: 1 raises, −1 lowers, 0 none. */
  sign: 1 | -1 | 0;
  /** How many factors the row stands for (1, or the number folded into "other factors"). */
  count: number;
  /** Row band in px. */
  y: number;
  height: number;
  /** Bar band in px. */
  barY: number;
  barHeight: number;
  /** Bar ends in px (x0 at `start`, x1 at `end`). */
  x0: number;
  x1: number;
  /** The bar as an arrow pointing in the direction of the contribution (or a tick for 0). */
  path: string;
  /** Where a tooltip points to. */
  anchor: { x: number; y: number };
}

export interface AttributionLayout {
  width: number;
  height: number;
  rows: AttributionRow[];
  /** Number of valid factors (before folding). */
  factorCount: number;
  /** Factors left out because their contribution was not a finite number. */
  skipped: number;
  base: { value: number; x: number };
  prediction: { value: number; x: number };
  /** Dashed connectors from one bar's end to the next bar's start. */
  connectors: { x: number; y1: number; y2: number }[];
  /** The same connectors as one SVG path (one element instead of one per row). */
  connectorPath: string;
  ticks: { value: number; position: number }[];
  tickStep: number;
  plot: { left: number; right: number; top: number; bottom: number };
  labelColumn: { x: number; width: number; maxChars: number };
  valueColumn: { x: number };
  axisY: number;
}

/**
 * Glyph advance assumed at the 12 px chart font, to size and shorten labels without measuring
 * text (no DOM in the layout). On the generous side: better one letter too few than a label cut
 * off by the edge of the SVG.
 */
export const CHAR_WIDTH = 7.2;
const TOP = 30;
const VALUE_COLUMN = 64;
const GAP = 12;
const MIN_PLOT = 80;

function arrowPath(x0: number, x1: number, top: number, height: number): string {
  const bottom = top + height;
  const mid = top + height / 2;
  const length = Math.abs(x1 - x0);
  if (length < 0.5) {
    // Zero: a thin upright tick, neither arrow — no direction to show.
    return polygonPath([
      [x0 - 1.5, top],
      [x0 + 1.5, top],
      [x0 + 1.5, bottom],
      [x0 - 1.5, bottom],
    ]);
  }
  const direction = x1 > x0 ? 1 : -1;
  const tip = Math.min(height * 0.4, length);
  return polygonPath([
    [px(x0), top],
    [px(x1 - direction * tip), top],
    [px(x1), mid],
    [px(x1 - direction * tip), bottom],
    [px(x0), bottom],
  ]);
}

/**
 * Lays out a waterfall of signed contributions, pure and DOM-free: factors sorted by
 * |contribution| (ties keep their input order), at most `maxFactors` drawn individually and the
 * rest folded into one "other factors" row with their count and summed contribution, each bar
 * running from the total before it to the total after it, from the base value to the prediction.
 *
 * @example
 * const layout = attributionLayout({ factors, baseValue: 0.3, width: 600 });
 * layout.rows.map((row) => row.kind); // ['factor', …, 'other']
 */
export function attributionLayout(input: AttributionLayoutInput): AttributionLayout {
  const width = Math.max(200, finiteOr(input.width, 640));
  const rowHeight = Math.max(16, finiteOr(input.rowHeight, 32));
  const barHeight = Math.round(rowHeight * 0.6);
  const maxFactors =
    input.maxFactors === Number.POSITIVE_INFINITY
      ? Infinity
      : Math.max(0, Math.floor(finiteOr(input.maxFactors, 8)));
  const base = finiteOr(input.baseValue, 0);

  const valid = input.factors.filter((factor) => Number.isFinite(factor.contribution));
  const sorted = valid
    .map((factor, order) => ({ factor, order }))
    .sort(
      (a, b) =>
        Math.abs(b.factor.contribution) - Math.abs(a.factor.contribution) ||
        // Array#sort is stable, but say it: ties keep the order the model gave them.
        a.order - b.order,
    )
    .map((entry) => entry.factor);
  const shown = sorted.length > maxFactors ? sorted.slice(0, maxFactors) : sorted;
  const folded = sorted.length > maxFactors ? sorted.slice(maxFactors) : [];

  const scale = Math.max(
    1e-12,
    Math.abs(base),
    valid.reduce((sum, factor) => sum + Math.abs(factor.contribution), 0),
  );
  const epsilon = scale * 1e-9;
  const signOf = (value: number): 1 | -1 | 0 => (Math.abs(value) <= epsilon ? 0 : value > 0 ? 1 : -1);

  type Draft = Pick<AttributionRow, 'key' | 'kind' | 'factor' | 'contribution' | 'count'>;
  const drafts: Draft[] = shown.map((factor) => ({
    key: `factor:${factor.id}`,
    kind: 'factor',
    factor,
    contribution: factor.contribution,
    count: 1,
  }));
  if (folded.length > 0) {
    drafts.push({
      key: 'other',
      kind: 'other',
      factor: null,
      contribution: folded.reduce((sum, factor) => sum + factor.contribution, 0),
      count: folded.length,
    });
  }
  const explained = base + valid.reduce((sum, factor) => sum + factor.contribution, 0);
  const prediction = finiteOr(input.prediction, explained);
  // A float32 model or rounded inputs leave a tiny gap; only a real one gets its own row.
  if (Math.abs(prediction - explained) > scale * 1e-6) {
    drafts.push({
      key: 'residual',
      kind: 'residual',
      factor: null,
      contribution: prediction - explained,
      count: 0,
    });
  }

  let running = base;
  const totals = drafts.map((draft) => {
    const start = running;
    running += draft.contribution;
    return { start, end: running };
  });

  const values = [base, prediction, ...totals.flatMap((total) => [total.start, total.end])];
  let [lo = base, hi = base] = extent(values);
  if (hi - lo <= epsilon) {
    // All contributions zero: give the scale some room instead of dividing by zero.
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.5 : 1;
    lo -= pad;
    hi += pad;
  }

  const measure = input.labelLength ?? ((row) => (row.factor ? row.factor.label.length : 20));
  const longest = drafts.reduce((max, draft) => Math.max(max, finiteOr(measure(draft), 0)), 0);
  const estimatedLabel = longest * CHAR_WIDTH + 8;
  let labelWidth = finiteOr(input.labelWidth, Math.min(Math.max(estimatedLabel, 72), width * 0.38));
  labelWidth = Math.max(0, Math.min(labelWidth, width - VALUE_COLUMN - 2 * GAP - MIN_PLOT));
  const plotLeft = labelWidth + GAP;
  const plotRight = width - VALUE_COLUMN - GAP;
  const x = linearScale([lo, hi], [plotLeft, plotRight], { nice: true });
  const tickCount = Math.max(2, Math.floor((plotRight - plotLeft) / 80));
  const tickValues = x.ticks(tickCount);
  const tickStep = tickValues.length > 1 ? Math.abs((tickValues[1] ?? 0) - (tickValues[0] ?? 0)) : 1;

  const rows: AttributionRow[] = drafts.map((draft, index) => {
    const total = totals[index] ?? { start: base, end: base };
    const y = TOP + index * rowHeight;
    const barY = y + (rowHeight - barHeight) / 2;
    const x0 = px(x(total.start));
    const x1 = px(x(total.end));
    return {
      ...draft,
      index,
      start: total.start,
      end: total.end,
      sign: signOf(draft.contribution),
      y,
      height: rowHeight,
      barY,
      barHeight,
      x0,
      x1,
      path: arrowPath(x0, x1, barY, barHeight),
      anchor: { x: px((x0 + x1) / 2), y },
    };
  });

  const connectors = rows.slice(0, -1).map((row, index) => {
    const next = rows[index + 1] as AttributionRow;
    return { x: row.x1, y1: row.barY + row.barHeight, y2: next.barY };
  });

  const rowsBottom = TOP + rows.length * rowHeight;
  const axisY = rowsBottom + 22;
  return {
    width,
    // AxisBottom sets tick labels 17 px and the axis name 34 px below the axis line.
    height: axisY + 44,
    rows,
    factorCount: valid.length,
    skipped: input.factors.length - valid.length,
    base: { value: base, x: px(x(base)) },
    prediction: { value: prediction, x: px(x(prediction)) },
    connectors,
    connectorPath: connectors.map((c) => `M${c.x},${px(c.y1)}V${px(c.y2)}`).join(''),
    ticks: tickValues.map((value) => ({ value, position: px(x(value)) })),
    tickStep,
    plot: { left: plotLeft, right: plotRight, top: TOP, bottom: rowsBottom },
    labelColumn: {
      x: 0,
      width: labelWidth,
      maxChars: Math.max(4, Math.floor(labelWidth / CHAR_WIDTH)),
    },
    valueColumn: { x: width },
    axisY,
  };
}

/** Shortens `text` to `maxChars` with an ellipsis; the full text stays in the tooltip and table. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}
