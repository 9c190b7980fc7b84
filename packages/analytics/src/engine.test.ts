import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { createMetricsEngine, metricsFromEvents } from './engine.ts';
import {
  committed,
  decision,
  event,
  finalized,
  opened,
  resetIds,
  revealed,
  truth,
} from './testing/events.ts';
import type { MetricsReport } from './types.ts';

/*
 * Hand-computed fixtures for every metric (definitions: docs/research.md §3 and the issue; populations:
 * compute.ts). Each expected number is worked out in the comment above it.
 */

beforeEach(() => resetIds());

function run(
  events: readonly DeliberateEvent[],
  options: Parameters<ReturnType<typeof createMetricsEngine>['metrics']>[0] = {},
): MetricsReport {
  const engine = createMetricsEngine();
  for (const e of events) engine.pushEvent(e);
  return engine.metrics(options);
}

const ts = (hour: number, minute = 0) =>
  `2025-03-03T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

/*
 * Fixture A: six categorical decisions, judge-first, AI shown.
 *
 *   id  a  c     h0 h  y    | agree switch-pop switched over-pop over under-pop under rair-pop rair rsr-pop rsr
 *   d1  A  0.9   A  A  A    |  1      -                   -         1        0      -            -
 *   d2  A  0.8   B  A  A    |  1      1         1         -         1        0      1       1    -
 *   d3  A  0.6   B  B  A    |  0      1         0         -         1        1      1       0    -
 *   d4  A  0.7   B  A  B    |  1      1         1         1    1    -               -            1      0
 *   d5  A  0.95  B  B  B    |  0      1         0         1    0    -               -            1      1
 *   d6  B  0.55  -  B  -    |  1      -                   -                        -            -
 */
function fixtureA(): DeliberateEvent[] {
  return [
    ...decision('d1', { a: 'A', c: 0.9, h0: 'A', h: 'A', y: 'A', durationMs: 1000 }),
    ...decision('d2', { a: 'A', c: 0.8, h0: 'B', h: 'A', y: 'A', durationMs: 2000 }),
    ...decision('d3', { a: 'A', c: 0.6, h0: 'B', h: 'B', y: 'A', durationMs: 3000 }),
    ...decision('d4', { a: 'A', c: 0.7, h0: 'B', h: 'A', y: 'B', durationMs: 4000 }),
    ...decision('d5', { a: 'A', c: 0.95, h0: 'B', h: 'B', y: 'B', durationMs: 5000 }),
    ...decision('d6', { a: 'B', c: 0.55, h: 'B', durationMs: 6000 }),
  ];
}

describe('metrics over fixture A (six decisions, every reliance case)', () => {
  it('counts agreement 4 of 6 and override 2 of 6', () => {
    const m = run(fixtureA());
    expect(m.decisions).toBe(6);
    expect(m.agreement).toMatchObject({ k: 4, n: 6, rate: 4 / 6 });
    expect(m.override).toMatchObject({ k: 2, n: 6, rate: 2 / 6 });
  });

  it('counts switching over decisions whose own judgement differed from the AI: 2 of 4 (d2, d4)', () => {
    expect(run(fixtureA()).switch).toMatchObject({ k: 2, n: 4 });
  });

  it('counts over-reliance 1 of 2 (d4 of d4, d5) and under-reliance 1 of 3 (d3 of d1–d3)', () => {
    const m = run(fixtureA());
    expect(m.overReliance).toMatchObject({ k: 1, n: 2 });
    expect(m.underReliance).toMatchObject({ k: 1, n: 3 });
  });

  it('counts RAIR 1 of 2 (d2 of d2, d3) and RSR 1 of 2 (d5 of d4, d5)', () => {
    const m = run(fixtureA());
    expect(m.rair).toMatchObject({ k: 1, n: 2 });
    expect(m.rsr).toMatchObject({ k: 1, n: 2 });
  });

  it('gives accuracy 3/5 for human, AI and team, so complementarity 0', () => {
    const m = run(fixtureA());
    expect(m.accuracy.human).toMatchObject({ k: 3, n: 5 });
    expect(m.accuracy.ai).toMatchObject({ k: 3, n: 5 });
    expect(m.accuracy.team).toMatchObject({ k: 3, n: 5 });
    expect(m.complementarity).toBe(0);
  });

  /*
   * Calibration cases (c, correct): (0.9,1) (0.8,1) (0.6,1) (0.7,0) (0.95,0); d6 has no truth.
   * Width, 10 bins: bin 6 {0.6|1} gap 0.4; bin 7 {0.7|0} gap 0.7; bin 8 {0.8|1} gap 0.2;
   * bin 9 {0.9|1, 0.95|0} conf 0.925 acc 0.5 gap 0.425.
   * ECE = (0.4 + 0.7 + 0.2)/5 + 2/5·0.425 = 0.43; MCE = 0.7;
   * Brier = (0.01 + 0.04 + 0.16 + 0.49 + 0.9025)/5 = 0.3205.
   */
  it('computes width-binned ECE 0.43, MCE 0.7 and Brier 0.3205 with empty bins listed as empty', () => {
    const { calibration } = run(fixtureA());
    expect(calibration.n).toBe(5);
    expect(calibration.ece).toBeCloseTo(0.43, 12);
    expect(calibration.mce).toBeCloseTo(0.7, 12);
    expect(calibration.brier).toBeCloseTo(0.3205, 12);
    expect(calibration.binning).toBe('width');
    expect(calibration.binCount).toBe(10);
    expect(calibration.bins).toHaveLength(10);
    expect(calibration.bins[0]).toEqual({ lo: 0, hi: 0.1, n: 0, confidence: null, accuracy: null });
    expect(calibration.bins[9]).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(calibration.bins[9]!.confidence).toBeCloseTo(0.925, 12);
  });

  /*
   * Mass, 2 bins, ordered by (c, correct): ranks 0–4 = 0.6, 0.7, 0.8, 0.9, 0.95; bin ⌊r·2/5⌋ puts
   * ranks 0–2 in bin 0 (conf 0.7, acc 2/3) and 3–4 in bin 1 (conf 0.925, acc 0.5).
   * ECE = 3/5·|2/3 − 0.7| + 2/5·0.425 = 0.02 + 0.17 = 0.19; MCE = 0.425.
   */
  it('computes mass-binned ECE 0.19 over bins of nearly equal count, edged by their confidences', () => {
    const { calibration } = run(fixtureA(), { bins: 2, binning: 'mass' });
    expect(calibration.bins).toHaveLength(2);
    expect(calibration.bins[0]).toMatchObject({ lo: 0.6, hi: 0.8, n: 3 });
    expect(calibration.bins[0]!.accuracy).toBeCloseTo(2 / 3, 12);
    expect(calibration.bins[1]).toMatchObject({ lo: 0.9, hi: 0.95, n: 2, accuracy: 0.5 });
    expect(calibration.ece).toBeCloseTo(0.19, 12);
    expect(calibration.mce).toBeCloseTo(0.425, 12);
    expect(calibration.brier).toBeCloseTo(0.3205, 12);
  });

  it('gives the override rate per width bin over decisions with a confidence, d6 included', () => {
    const bins = run(fixtureA()).byConfidenceBin;
    expect(bins).toHaveLength(10);
    expect(bins[4]!.override).toBeNull();
    expect(bins[5]!.override).toMatchObject({ k: 0, n: 1 }); // d6, 0.55
    expect(bins[6]!.override).toMatchObject({ k: 1, n: 1 }); // d3
    expect(bins[7]!.override).toMatchObject({ k: 0, n: 1 }); // d4
    expect(bins[9]!.override).toMatchObject({ k: 1, n: 2 }); // d1, d5
  });

  it('takes nearest-rank percentiles of the decision times: p50 3 s (rank 3 of 6), p90 6 s (rank ⌈5.4⌉ = 6)', () => {
    const { decisionTimeMs } = run(fixtureA());
    expect(decisionTimeMs).toMatchObject({ p50: 3000, p90: 6000, mean: 3500, n: 6 });
    expect(decisionTimeMs.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(6);
  });
});

describe('populations', () => {
  it('given no truth › the truth-based rates are null and the others still count', () => {
    const m = run([...decision('d1', { a: 'A', c: 0.8, h0: 'B', h: 'A' })]);
    expect(m.overReliance).toBeNull();
    expect(m.underReliance).toBeNull();
    expect(m.rair).toBeNull();
    expect(m.accuracy.team).toBeNull();
    expect(m.complementarity).toBeNull();
    expect(m.calibration).toMatchObject({ n: 0, ece: null, mce: null, brier: null });
    expect(m.switch).toMatchObject({ k: 1, n: 1 });
  });

  it('given no judgement (AI shown at once) › switch, RAIR, RSR and human accuracy are null', () => {
    const m = run([...decision('d1', { a: 'A', c: 0.8, h: 'B', y: 'B' })]);
    expect(m.switch).toBeNull();
    expect(m.rair).toBeNull();
    expect(m.rsr).toBeNull();
    expect(m.accuracy.human).toBeNull();
    expect(m.overReliance).toMatchObject({ k: 0, n: 1 });
  });

  it('given a no-AI arm and a decision without the AI › they are not in agreement, but in human and AI accuracy', () => {
    const m = run([
      ...decision('control', { h0: 'A', h: 'A', y: 'A', arm: 'no-ai' }),
      ...decision('chose', { a: 'A', c: 0.9, h0: 'B', h: 'B', y: 'A', outcome: 'without-ai' }),
      ...decision('shown', { a: 'A', c: 0.9, h0: 'A', h: 'A', y: 'A' }),
    ]);
    expect(m.decisions).toBe(3);
    expect(m.agreement).toMatchObject({ k: 1, n: 1 });
    expect(m.accuracy.team).toMatchObject({ k: 1, n: 1 });
    expect(m.accuracy.human).toMatchObject({ k: 2, n: 3 });
    expect(m.accuracy.ai).toMatchObject({ k: 2, n: 2 });
    expect(m.calibration.n).toBe(2);
    expect(m.activity).toMatchObject({ withoutAi: 2, noAiArm: 1 });
  });

  it('given a decision without decision.opened › counts it in the default arm, ai', () => {
    const m = run([
      event(
        'decision.finalized',
        'd1',
        finalized({ label: 'A' }, { recommendation: { label: 'A', confidence: 0.7 } }),
      ),
    ]);
    expect(m.agreement).toMatchObject({ k: 1, n: 1 });
  });

  it('given a decision that was only opened or abandoned › it is not a decision', () => {
    const m = run([
      event('decision.opened', 'open', opened()),
      event('decision.opened', 'gone', opened()),
      event('decision.abandoned', 'gone', { stage: 'opened' }),
      ...decision('done', { a: 'A', h: 'A' }),
    ]);
    expect(m.decisions).toBe(1);
    expect(m.activity).toMatchObject({ opened: 3, finalized: 1, abandoned: 1, decisionsSeen: 3 });
  });
});

describe('joining a decision', () => {
  it('given only decision.finalized with copies › uses the copied recommendation and judgement', () => {
    const m = run([
      event(
        'decision.finalized',
        'd1',
        finalized(
          { label: 'A' },
          { recommendation: { label: 'A', confidence: 0.8 }, judgement: { label: 'B' } },
        ),
      ),
    ]);
    expect(m.agreement).toMatchObject({ k: 1, n: 1 });
    expect(m.switch).toMatchObject({ k: 1, n: 1 });
    expect(m.byConfidenceBin[8]!.override).toMatchObject({ k: 0, n: 1 });
  });

  it('given the separate events after the finalized copies › the separate events win', () => {
    const m = run([
      event(
        'decision.finalized',
        'd1',
        finalized(
          { label: 'A' },
          { recommendation: { label: 'A', confidence: 0.8 }, judgement: { label: 'A' } },
        ),
      ),
      event('recommendation.revealed', 'd1', revealed({ label: 'B', confidence: 0.6 })),
      event('judgement.committed', 'd1', committed({ label: 'C' })),
    ]);
    expect(m.agreement).toMatchObject({ k: 0, n: 1 });
    expect(m.switch).toMatchObject({ k: 0, n: 1 });
    expect(m.byConfidenceBin[6]!.override).toMatchObject({ k: 1, n: 1 });
  });

  it('given several finalized events › the latest by ts counts, wherever it is in the log', () => {
    const m = run([
      event('recommendation.revealed', 'd1', revealed({ label: 'A', confidence: 0.9 })),
      event(
        'decision.finalized',
        'd1',
        finalized({ label: 'B' }, { outcome: 'overridden', durationMs: 9000 }),
        { ts: ts(11) },
      ),
      event('decision.finalized', 'd1', finalized({ label: 'A' }, { durationMs: 1000 }), { ts: ts(10) }),
    ]);
    expect(m.decisions).toBe(1);
    expect(m.override).toMatchObject({ k: 1, n: 1 });
    expect(m.decisionTimeMs.p50).toBe(9000);
    expect(m.activity.refinalized).toBe(1);
  });

  it('given outcomes before and after finalization, out of order › the latest outcome by ts is the truth', () => {
    const m = run([
      event('outcome.recorded', 'd1', truth({ label: 'B' }), { ts: ts(12) }),
      ...decision('d1', { a: 'A', c: 0.9, h: 'A', ts: ts(10) }),
      event('outcome.recorded', 'd1', truth({ label: 'A' }), { ts: ts(9) }),
    ]);
    expect(m.overReliance).toMatchObject({ k: 1, n: 1 });
    expect(m.accuracy.ai).toMatchObject({ k: 0, n: 1 });
  });

  it('given an outcome recorded days after finalization in a later part of the log › joins it', () => {
    const events = [
      ...decision('d1', { a: 'A', c: 0.7, h: 'A' }),
      ...decision('d2', { a: 'B', c: 0.7, h: 'B' }),
    ];
    events.push(event('outcome.recorded', 'd1', truth({ label: 'A' }), { ts: '2025-04-01T09:00:00.000Z' }));
    expect(run(events).accuracy.team).toMatchObject({ k: 1, n: 1 });
  });

  it('given duplicate events › each id counts once and the metrics do not change', () => {
    const events = fixtureA();
    const doubled = events.flatMap((e, i) => (i % 2 === 0 ? [e, e] : [e]));
    const once = run(events);
    const twice = run(doubled);
    expect(twice.input.duplicates).toBe(Math.ceil(events.length / 2));
    expect(twice.input.events).toBe(events.length);
    const { input: _a, ...onceMetrics } = once;
    const { input: _b, ...twiceMetrics } = twice;
    expect(twiceMetrics).toEqual(onceMetrics);
  });
});

describe('confidence bins', () => {
  it.each([
    [0, 0],
    [0.1, 1],
    [0.3, 3],
    [0.7, 7],
    [0.999, 9],
    [1, 9],
  ])('puts confidence %f in bin %i (c = 1.0 goes to the last bin)', (c, bin) => {
    const m = run([...decision('d', { a: 'A', c, h: 'A', y: 'A' })]);
    expect(m.calibration.bins[bin]).toMatchObject({ n: 1, confidence: c, accuracy: 1 });
    expect(m.byConfidenceBin[bin]!.override).toMatchObject({ k: 0, n: 1 });
  });

  it('given a confidence of null › leaves the decision out of calibration and the bins, not out of agreement', () => {
    const m = run([...decision('d', { a: 'A', c: null, h: 'A', y: 'A' })]);
    expect(m.calibration.n).toBe(0);
    expect(m.byConfidenceBin.every((bin) => bin.override === null)).toBe(true);
    expect(m.agreement).toMatchObject({ k: 1, n: 1 });
    expect(m.accuracy.ai).toMatchObject({ k: 1, n: 1 });
  });
});

describe('numeric decisions', () => {
  function numeric(id: string, a: number, h0: number, h: number, y?: number): DeliberateEvent[] {
    return [
      event('decision.opened', id, opened()),
      event('judgement.committed', id, committed({ value: h0 })),
      event('recommendation.revealed', id, revealed({ value: a, confidence: null })),
      event(
        'decision.finalized',
        id,
        finalized({ value: h }, { outcome: h === a ? 'accepted' : 'modified' }),
      ),
      ...(y === undefined ? [] : [event('outcome.recorded', id, truth({ value: y }))]),
    ];
  }

  it('compares values exactly for agreement and leaves them out of the label metrics', () => {
    const m = run([...numeric('n1', 100, 50, 100, 80), ...numeric('n2', 100, 50, 75, 80)]);
    expect(m.agreement).toMatchObject({ k: 1, n: 2 });
    expect(m.switch).toBeNull();
    expect(m.overReliance).toBeNull();
    expect(m.accuracy.ai).toBeNull();
    expect(m.accuracy.team).toBeNull();
  });

  it('averages the weight of advice (h − h0)/(a − h0) clipped to [0, 1], skipping a = h0', () => {
    // n1: (100−50)/(100−50) = 1; n2: 25/50 = 0.5; n3: 150 → 2, clipped to 1; n4: 20 → −0.6, clipped to 0;
    // n5: a = h0, undefined. Mean of 1, 0.5, 1, 0 = 0.625 over 4.
    const m = run([
      ...numeric('n1', 100, 50, 100),
      ...numeric('n2', 100, 50, 75),
      ...numeric('n3', 100, 50, 150),
      ...numeric('n4', 100, 50, 20),
      ...numeric('n5', 60, 60, 70),
    ]);
    expect(m.weightOfAdvice).toEqual({ mean: 0.625, n: 4 });
  });
});

describe('reading lines', () => {
  it('counts malformed lines with their line numbers and carries on', () => {
    const engine = createMetricsEngine();
    const good = decision('d1', { a: 'A', c: 0.9, h: 'A', y: 'A' }).map((e) => JSON.stringify(e));
    const lines = [
      good[0]!,
      '{not json',
      '',
      good[1]!,
      '{"schema":"deliberate.event/1","type":"decision.opened"}',
      good[2]!,
      '   ',
      good[3]!,
    ];
    for (const line of lines) engine.pushLine(line);
    const m = engine.metrics();
    expect(m.input).toEqual({
      lines: 6,
      events: 4,
      duplicates: 0,
      malformed: { count: 2, lines: [2, 5] },
      conflicts: { count: 0, ids: 0, decisionsExcluded: 0, list: [] },
      unparseableFinalLine: null,
    });
    expect(m.decisions).toBe(1);
    expect(m.accuracy.team).toMatchObject({ k: 1, n: 1 });
  });

  it('lists at most the first 20 malformed line numbers but counts them all', () => {
    const engine = createMetricsEngine();
    for (let i = 0; i < 25; i++) engine.pushLine('nope');
    expect(engine.input().malformed.count).toBe(25);
    expect(engine.input().malformed.lines).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('grouping', () => {
  function mixed(): DeliberateEvent[] {
    const events: DeliberateEvent[] = [];
    for (let i = 0; i < 12; i++)
      events.push(
        ...decision(`p1-${i}`, { a: 'A', c: 0.8, h: i < 3 ? 'B' : 'A', procedure: 'p1', role: 'caseworker' }),
      );
    for (let i = 0; i < 3; i++)
      events.push(...decision(`p2-${i}`, { a: 'A', c: 0.8, h: 'A', procedure: 'p2' }));
    return events;
  }

  it('given groups under k › suppresses them and counts them as suppressed', () => {
    const engine = createMetricsEngine();
    for (const e of mixed()) engine.pushEvent(e);
    const result = engine.grouped('procedure', { k: 10 });
    expect(Object.keys(result.groups)).toEqual(['p1']);
    expect(result.groups['p1']!.override).toMatchObject({ k: 3, n: 12 });
    expect(result.suppressed).toEqual({ groups: 1, decisions: 3 });
    expect(result.decisions).toBe(15);
  });

  it('groups absent values as "(none)" and by month of the finalized event', () => {
    const engine = createMetricsEngine();
    for (const e of mixed()) engine.pushEvent(e);
    expect(Object.keys(engine.grouped('role', { k: 1 }).groups)).toEqual(['(none)', 'caseworker']);
    expect(Object.keys(engine.grouped('month', { k: 1 }).groups)).toEqual(['2025-03']);
    expect(Object.keys(engine.grouped('model', { k: 1 }).groups)).toEqual(['m@1']);
    expect(Object.keys(engine.grouped('arm', { k: 1 }).groups)).toEqual(['ai']);
  });

  it('refuses to rate individual actors unless allowed explicitly', () => {
    const engine = createMetricsEngine();
    for (const e of mixed()) engine.pushEvent(e);
    expect(() => engine.grouped('actor')).toThrow(/staff council/);
    expect(Object.keys(engine.grouped('actor', { k: 1, allowIndividualActors: true }).groups)).toEqual([
      'actor-1',
    ]);
  });

  it('never loses or double-counts a decision: groups plus suppressed add up to all decisions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            procedure: fc.constantFrom('a', 'b', 'c', 'd'),
            role: fc.constantFrom('x', 'y'),
            h: fc.constantFrom('A', 'B'),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom('procedure', 'role', 'month', 'arm', 'model', 'uiVariant') as fc.Arbitrary<
          'procedure' | 'role' | 'month' | 'arm' | 'model' | 'uiVariant'
        >,
        (rows, k, by) => {
          resetIds();
          const events = rows.flatMap((row, i) =>
            decision(`d${i}`, { a: 'A', c: 0.5, h: row.h, procedure: row.procedure, role: row.role }),
          );
          const engine = createMetricsEngine();
          for (const e of events) engine.pushEvent(e);
          const result = engine.grouped(by, { k });
          const grouped = Object.values(result.groups).reduce((sum, m) => sum + m.decisions, 0);
          expect(grouped + result.suppressed.decisions).toBe(rows.length);
          expect(result.decisions).toBe(rows.length);
          for (const m of Object.values(result.groups)) expect(m.decisions).toBeGreaterThanOrEqual(k);
        },
      ),
    );
  });
});

describe('options', () => {
  it('rejects bin counts that are not whole numbers from 1 to 1000', () => {
    expect(() => metricsFromEvents([], { bins: 0 })).toThrow(/bins/);
    expect(() => metricsFromEvents([], { bins: 2.5 })).toThrow(/bins/);
  });

  it('given an empty log › returns zero decisions and null rates, not NaN', () => {
    const m = metricsFromEvents([]);
    expect(m.decisions).toBe(0);
    expect(m.agreement).toBeNull();
    expect(m.decisionTimeMs).toMatchObject({ p50: null, p90: null, mean: null, n: 0 });
    expect(JSON.stringify(m)).not.toMatch(/NaN/);
  });
});
