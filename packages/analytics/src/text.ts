import type { GroupedMetricsReport, Metrics, MetricsReport, Rate } from './types.ts';

/*
 * The readable (non-JSON) output of `deliberate metrics`: plain-text tables for a terminal. The
 * JSON output is the contract; this is for people, so it rounds.
 */

function pct(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)} %`;
}

function int(value: number): string {
  return value.toLocaleString('en-GB');
}

function table(rows: string[][], alignRight: boolean[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function rateRow(name: string, rate: Rate | null): string[] {
  if (!rate) return [name, '–', '', `0 / 0`];
  return [name, pct(rate.rate), `${pct(rate.lo)} – ${pct(rate.hi)}`, `${int(rate.k)} / ${int(rate.n)}`];
}

function metricRows(m: Metrics): string[][] {
  return [
    ['metric', 'rate', '95 % interval (Wilson)', 'k / n'],
    rateRow('agreement', m.agreement),
    rateRow('override', m.override),
    rateRow('switch', m.switch),
    rateRow('over-reliance', m.overReliance),
    rateRow('under-reliance', m.underReliance),
    rateRow('RAIR', m.rair),
    rateRow('RSR', m.rsr),
    rateRow('accuracy human', m.accuracy.human),
    rateRow('accuracy AI', m.accuracy.ai),
    rateRow('accuracy team', m.accuracy.team),
  ];
}

/**
 * A metrics result as text tables.
 *
 * @example
 * process.stdout.write(formatMetrics(engine.metrics()));
 */
export function formatMetrics(result: MetricsReport): string {
  const { input } = result;
  const lines: string[] = [];
  lines.push(
    `Deliberate metrics: ${int(result.decisions)} finalized decisions ` +
      `(${int(input.lines)} lines, ${int(input.events)} events, ${int(input.duplicates)} duplicates, ${int(input.malformed.count)} malformed)`,
  );
  if (input.malformed.count > 0)
    lines.push(
      `malformed lines: ${input.malformed.lines.join(', ')}${input.malformed.count > input.malformed.lines.length ? ', …' : ''}`,
    );
  lines.push('');
  lines.push(table(metricRows(result), [false, true, false, true]));
  lines.push('');
  const c = result.calibration;
  lines.push(
    `complementarity ${result.complementarity === null ? '–' : `${(result.complementarity * 100).toFixed(1)} pp`}   ` +
      `calibration (${c.binning}, ${c.binCount} bins, n = ${int(c.n)}): ECE ${c.ece === null ? '–' : c.ece.toFixed(4)}, ` +
      `MCE ${c.mce === null ? '–' : c.mce.toFixed(4)}, Brier ${c.brier === null ? '–' : c.brier.toFixed(4)}`,
  );
  const t = result.decisionTimeMs;
  const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
  lines.push(`decision time: p50 ${s(t.p50)}, p90 ${s(t.p90)}, mean ${s(t.mean)}`);
  if (result.weightOfAdvice.n > 0) {
    lines.push(
      `weight of advice (numeric decisions): ${result.weightOfAdvice.mean?.toFixed(3)} (n = ${int(result.weightOfAdvice.n)})`,
    );
  }
  lines.push('');
  lines.push(
    table(
      [
        ['AI confidence', 'override', '95 % interval', 'n'],
        ...result.byConfidenceBin.map((bin) => [
          `${pct(bin.lo, 0)} – ${pct(bin.hi, 0)}`,
          pct(bin.override?.rate),
          bin.override ? `${pct(bin.override.lo)} – ${pct(bin.override.hi)}` : '',
          int(bin.override?.n ?? 0),
        ]),
      ],
      [false, true, false, true],
    ),
  );
  return lines.join('\n') + '\n';
}

/**
 * A grouped result as one text table, a row per group.
 *
 * @example
 * process.stdout.write(formatGrouped(engine.grouped('procedure')));
 */
export function formatGrouped(result: GroupedMetricsReport): string {
  const rows: string[][] = [
    [result.by, 'decisions', 'override', 'over-rel.', 'under-rel.', 'switch', 'acc. team', 'acc. AI', 'ECE'],
  ];
  for (const [key, m] of Object.entries(result.groups)) {
    rows.push([
      key,
      int(m.decisions),
      pct(m.override?.rate),
      pct(m.overReliance?.rate),
      pct(m.underReliance?.rate),
      pct(m.switch?.rate),
      pct(m.accuracy.team?.rate),
      pct(m.accuracy.ai?.rate),
      m.calibration.ece === null ? '–' : m.calibration.ece.toFixed(3),
    ]);
  }
  const lines = [
    `Deliberate metrics by ${result.by}: ${int(result.decisions)} finalized decisions; groups under k = ${result.k} suppressed: ` +
      `${int(result.suppressed.groups)} groups, ${int(result.suppressed.decisions)} decisions`,
    '',
    table(rows, [false, true, true, true, true, true, true, true, true]),
  ];
  return lines.join('\n') + '\n';
}
