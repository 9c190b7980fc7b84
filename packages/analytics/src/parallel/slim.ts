import type { DeliberateEvent } from '@deliberate/core';

/*
 * What of an event the metrics engine folds (decisions.ts `DecisionTable.fold`, engine.ts
 * conflict handling), and nothing else, as a JSON array: workers send these to the main thread
 * instead of whole events. Hashes, chain fields, case references, display texts and explanations
 * stay behind, and there are no keys, so the main thread parses about a fifth of the text.
 * (Structured cloning of small objects was measured at ~9 µs an event: slower than parsing the
 * whole line again.) JSON turns `undefined` into `null`; the fold treats both as absent (labels,
 * values and variants by `typeof`, the role by `??`), and `decodeSlim` gives the model back as
 * `undefined`.
 */

type Valued = { label?: unknown; value?: unknown; confidence?: unknown } | undefined;
type Model = { id: string; version: string } | undefined;

const TYPES = [
  'decision.opened',
  'judgement.committed',
  'recommendation.revealed',
  'explanation.viewed',
  'decision.finalized',
  'outcome.recorded',
] as const;
const OTHER = TYPES.length;

const value = (v: Valued): unknown[] | null => (v === undefined ? null : [v.label, v.value]);
const rec = (v: Valued): unknown[] | null => (v === undefined ? null : [v.label, v.value, v.confidence]);
const model = (m: Model): unknown[] | null => (m === undefined ? null : [m.id, m.version]);

/**
 * The fields of a valid event that the metrics read, as an array for `JSON.stringify`.
 *
 * @example
 * const text = JSON.stringify(events.map(encodeSlim)); // worker
 * const slim = (JSON.parse(text) as unknown[][]).map(decodeSlim); // main thread
 */
export function encodeSlim(event: DeliberateEvent): unknown[] {
  const head = [event.id, event.ts, event.decisionId];
  switch (event.type) {
    case 'decision.opened':
      return [0, ...head, event.data.policy.arm, event.data.uiVariant];
    case 'judgement.committed':
      return [1, ...head, value(event.data.judgement as Valued)];
    case 'recommendation.revealed':
      return [2, ...head, model(event.model), rec(event.data.recommendation as Valued)];
    case 'explanation.viewed':
      return [3, ...head, event.data.panel];
    case 'decision.finalized': {
      const data = event.data;
      return [
        4,
        ...head,
        event.procedure,
        event.actor.id,
        event.actor.role,
        model(event.model),
        data.outcome,
        data.durationMs,
        value(data.final as Valued),
        data.reasons.map((r) => [r.system, r.code, r.display]),
        rec(data.recommendation as Valued),
        value(data.judgement as Valued),
      ];
    }
    case 'outcome.recorded':
      return [5, ...head, value(event.data.truth as Valued)];
    default:
      return [OTHER, ...head, (event as { type: string }).type];
  }
}

type Row = unknown[];
const unValue = (v: unknown) => (v === null ? undefined : { label: (v as Row)[0], value: (v as Row)[1] });
const unRec = (v: unknown) =>
  v === null ? undefined : { label: (v as Row)[0], value: (v as Row)[1], confidence: (v as Row)[2] };
const unModel = (v: unknown) => (v === null ? undefined : { id: (v as Row)[0], version: (v as Row)[1] });

/**
 * An event object with the fields `encodeSlim` kept: fit for `MetricsEngine.pushClassified`, not
 * for anything else.
 */
export function decodeSlim(row: Row): DeliberateEvent {
  const code = row[0] as number;
  const id = row[1];
  const ts = row[2];
  const decisionId = row[3];
  let event: unknown;
  switch (code) {
    case 0:
      event = { id, type: TYPES[0], ts, decisionId, data: { policy: { arm: row[4] }, uiVariant: row[5] } };
      break;
    case 1:
      event = { id, type: TYPES[1], ts, decisionId, data: { judgement: unValue(row[4]) } };
      break;
    case 2:
      event = {
        id,
        type: TYPES[2],
        ts,
        decisionId,
        model: unModel(row[4]),
        data: { recommendation: unRec(row[5]) },
      };
      break;
    case 3:
      event = { id, type: TYPES[3], ts, decisionId, data: { panel: row[4] } };
      break;
    case 4:
      event = {
        id,
        type: TYPES[4],
        ts,
        decisionId,
        procedure: row[4],
        actor: { id: row[5], role: row[6] },
        model: unModel(row[7]),
        data: {
          outcome: row[8],
          durationMs: row[9],
          final: unValue(row[10]),
          reasons: (row[11] as Row[]).map((r) => ({ system: r[0], code: r[1], display: r[2] })),
          recommendation: unRec(row[12]),
          judgement: unValue(row[13]),
        },
      };
      break;
    case 5:
      event = { id, type: TYPES[5], ts, decisionId, data: { truth: unValue(row[4]) } };
      break;
    default:
      event = { id, type: row[4], ts, decisionId };
  }
  return event as DeliberateEvent;
}
