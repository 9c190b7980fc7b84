import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventJsonSchema } from './json-schema.ts';
import {
  DecisionEventDraftSchema,
  DeliberateEventSchema,
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  validateStoredEvent,
} from './schema.ts';
import type { DecisionEventDraft, DeliberateEvent, EventType } from './schema.ts';

/*
 * The event contract is what outlives the code (docs/contracts.md). These tests pin it: one
 * example per event type, the stored (chained) form, and the JSON Schema file other tools read.
 */

const envelope = {
  schema: EVENT_SCHEMA_VERSION,
  ts: '2025-01-01T09:30:00.000Z',
  decisionId: 'dec-1',
  procedure: 'housing-benefit.eligibility',
  caseRef: 'case-7f3a',
  actor: { id: 'actor-17', role: 'caseworker' },
  model: { id: 'eligibility-gbm', version: '2.3.1' },
} as const;

const HASH_A = 'a'.repeat(64);
const HASH_B = '0123456789abcdef'.repeat(4);
const SALT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'.repeat(2);

// A `Record` over every type, so that adding an event type without an example fails to compile.
const examples: { [T in EventType]: DecisionEventDraft<T> } = {
  'decision.opened': {
    ...envelope,
    type: 'decision.opened',
    data: {
      policy: {
        id: 'default',
        version: '1',
        reveal: 'after-judgement',
        justification: 'override',
        minOwnTimeMs: 20000,
        arm: 'ai',
        audit: false,
        rule: 'high-stakes',
        band: 'medium',
      },
      stakes: 'high',
      uiVariant: 'judge-first',
    },
  },
  'judgement.committed': {
    ...envelope,
    type: 'judgement.committed',
    data: {
      judgement: { label: 'reject', confidence: 0.7 },
      rationale: 'income above the limit',
      commitment: HASH_A,
      commitmentVersion: 2,
      salt: SALT,
      checklist: ['income', 'rent'],
    },
  },
  'recommendation.revealed': {
    ...envelope,
    type: 'recommendation.revealed',
    data: {
      recommendation: { label: 'approve', confidence: 0.82 },
      display: { format: 'verbal', text: 'likely (66–90 %)' },
      requested: false,
    },
  },
  'recommendation.invalid': {
    ...envelope,
    type: 'recommendation.invalid',
    data: { issues: [{ path: ['options', 1, 'probability'], code: 'out_of_range', message: 'must be ≤ 1' }] },
  },
  'recommendation.unavailable': {
    ...envelope,
    type: 'recommendation.unavailable',
    data: { cause: 'timeout', message: 'no answer after 30 s' },
  },
  'explanation.viewed': {
    ...envelope,
    type: 'explanation.viewed',
    data: { panel: 'counterfactuals', durationMs: 5400 },
  },
  'decision.finalized': {
    ...envelope,
    type: 'decision.finalized',
    data: {
      final: { label: 'reject' },
      outcome: 'overridden',
      reasons: [{ system: 'urn:deliberate:reasons', code: 'missing-evidence', display: 'Evidence missing' }],
      comment: 'no rent contract on file',
      durationMs: 48200,
      recommendation: { label: 'approve', confidence: 0.82 },
      judgement: { label: 'reject', confidence: 0.7 },
    },
  },
  'decision.abandoned': { ...envelope, type: 'decision.abandoned', data: { stage: 'committed' } },
  'ai.stopped': {
    ...envelope,
    type: 'ai.stopped',
    data: { scope: 'procedure', reason: 'suspected data drift' },
  },
  'outcome.recorded': {
    ...envelope,
    type: 'outcome.recorded',
    data: { truth: { label: 'reject' }, source: 'appeal' },
  },
  'ui.error': {
    ...envelope,
    type: 'ui.error',
    data: { component: 'Recommendation', message: 'Cannot read properties of undefined' },
  },
};

function stored<T extends EventType>(event: DecisionEventDraft<T>, seq = 0): DeliberateEvent<T> {
  return {
    ...event,
    id: `0193b6c2-7a4e-7c1a-9f00-00000000000${seq}`,
    chain: 'chain-1',
    seq,
    prev: seq === 0 ? null : HASH_A,
    hash: HASH_B,
  } as DeliberateEvent<T>;
}

describe('the event contract deliberate.event/1', () => {
  it('has an example for every event type', () => {
    expect(Object.keys(examples).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES)('accepts the %s example as a draft and, chained, as a stored event', (type) => {
    const draft = examples[type];
    const asDraft = DecisionEventDraftSchema.safeParse(draft);
    expect(asDraft.success, JSON.stringify(asDraft.error?.issues)).toBe(true);
    const asStored = DeliberateEventSchema.safeParse(stored(draft, 3));
    expect(asStored.success, JSON.stringify(asStored.error?.issues)).toBe(true);
  });

  it('accepts the numeric form of a recommendation, a judgement and a final decision', () => {
    const revealed = {
      ...examples['recommendation.revealed'],
      data: {
        recommendation: { value: 412.5, confidence: 0.9, interval: { lo: 380, hi: 450, level: 0.9 } },
        display: { format: 'interval', text: '412.50 € (380–450 €, 90 %)' },
        requested: true,
      },
    };
    expect(DecisionEventDraftSchema.safeParse(revealed).success).toBe(true);
    const finalized = {
      ...examples['decision.finalized'],
      data: {
        final: { value: 400 },
        outcome: 'modified',
        reasons: [],
        durationMs: 0,
        judgement: { value: 390 },
      },
    };
    expect(DecisionEventDraftSchema.safeParse(finalized).success).toBe(true);
  });

  it('accepts a recommendation that reported no confidence, as null', () => {
    const event = {
      ...examples['recommendation.revealed'],
      data: {
        ...examples['recommendation.revealed'].data,
        recommendation: { label: 'approve', confidence: null },
      },
    };
    expect(DecisionEventDraftSchema.safeParse(event).success).toBe(true);
  });

  it('accepts an event without a model (no AI involved)', () => {
    const { model: _model, ...withoutModel } = examples['decision.opened'];
    expect(DecisionEventDraftSchema.safeParse(withoutModel).success).toBe(true);
  });

  it('accepts unknown keys, so that older readers do not reject newer writers', () => {
    const event = {
      ...stored(examples['decision.finalized']),
      tenant: 'berlin',
      data: { ...examples['decision.finalized'].data, reviewMode: 'four-eyes' },
    };
    expect(DeliberateEventSchema.safeParse(event).success).toBe(true);
  });

  it('rejects a stored event with a broken field, and says where', () => {
    const broken = { ...stored(examples['judgement.committed']), hash: 'not-a-hash' };
    const result = DeliberateEventSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['hash']]);
  });

  it('rejects a broken field inside data, and says where', () => {
    const event = stored(examples['judgement.committed']);
    const broken = { ...event, data: { ...event.data, judgement: { label: 'reject', confidence: 1.5 } } };
    const result = DeliberateEventSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['data', 'judgement', 'confidence']]);
  });

  it('rejects a negative chain position and a timestamp without milliseconds', () => {
    const event = stored(examples['ai.stopped']);
    expect(DeliberateEventSchema.safeParse({ ...event, seq: -1 }).error?.issues[0]?.path).toEqual(['seq']);
    expect(
      DeliberateEventSchema.safeParse({ ...event, ts: '2025-01-01T09:30:00Z' }).error?.issues[0]?.path,
    ).toEqual(['ts']);
  });

  it('rejects a draft as a stored event, because it has no id, chain or hash yet', () => {
    const result = DeliberateEventSchema.safeParse(examples['decision.abandoned']);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'chain',
      'hash',
      'id',
      'prev',
      'seq',
    ]);
  });

  it('rejects an unknown event type and an unknown outcome', () => {
    expect(
      DecisionEventDraftSchema.safeParse({ ...examples['decision.abandoned'], type: 'decision.paused' })
        .success,
    ).toBe(false);
    const finalized = examples['decision.finalized'];
    const result = DecisionEventDraftSchema.safeParse({
      ...finalized,
      data: { ...finalized.data, outcome: 'ignored' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['data', 'outcome']);
  });

  it('still accepts a version-1 (unsalted) commitment: no commitmentVersion, no salt', () => {
    const { commitmentVersion: _v, salt: _salt, ...v1 } = examples['judgement.committed'].data;
    const event = stored({ ...examples['judgement.committed'], data: v1 });
    const result = DeliberateEventSchema.safeParse(event);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('accepts a redacted commitment that carries neither rationale nor salt', () => {
    const { rationale: _r, salt: _salt, ...redacted } = examples['judgement.committed'].data;
    expect(
      DecisionEventDraftSchema.safeParse({ ...examples['judgement.committed'], data: redacted }).success,
    ).toBe(true);
  });

  it.each([
    ['31 hex digits', SALT.slice(0, 31)],
    ['129 hex digits', `${SALT}${SALT}0`],
    ['upper-case hex', SALT.toUpperCase()],
    ['not hex', `${SALT.slice(0, 63)}g`],
    ['a number', 42],
  ])('rejects a salt of %s at data.salt', (_name, salt) => {
    const event = examples['judgement.committed'];
    const result = DecisionEventDraftSchema.safeParse({ ...event, data: { ...event.data, salt } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['data', 'salt']]);
  });

  it('accepts salts of 32 and 128 hex digits', () => {
    const event = examples['judgement.committed'];
    for (const salt of [SALT.slice(0, 32), SALT.repeat(2)]) {
      expect(DecisionEventDraftSchema.safeParse({ ...event, data: { ...event.data, salt } }).success).toBe(
        true,
      );
    }
  });

  it('rejects a commitment version other than 2, at data.commitmentVersion', () => {
    const event = examples['judgement.committed'];
    for (const commitmentVersion of [1, 3, '2']) {
      const result = DecisionEventDraftSchema.safeParse({
        ...event,
        data: { ...event.data, commitmentVersion },
      });
      expect(result.error?.issues.map((issue) => issue.path)).toEqual([['data', 'commitmentVersion']]);
    }
  });

  it('rejects another schema version', () => {
    const result = DecisionEventDraftSchema.safeParse({
      ...examples['decision.abandoned'],
      schema: 'deliberate.event/2',
    });
    expect(result.error?.issues[0]?.path).toEqual(['schema']);
  });
});

describe('the checked-in JSON Schema', () => {
  it('is up to date with the zod schemas (regenerate with `pnpm schema:events`)', () => {
    const file = fileURLToPath(new URL('../../event-schema.json', import.meta.url));
    expect(readFileSync(file, 'utf8')).toBe(eventJsonSchema());
  });

  it('describes every event type', () => {
    const schema = JSON.parse(eventJsonSchema()) as { oneOf: { properties: { type: { const: string } } }[] };
    expect(schema.oneOf.map((variant) => variant.properties.type.const).sort()).toEqual(
      [...EVENT_TYPES].sort(),
    );
  });
});

describe('validateStoredEvent (forward compatibility)', () => {
  const future = { ...stored(examples['ai.stopped']), type: 'review.escalated', data: { to: 'team lead' } };

  it('accepts an event of a type this version does not know, when its envelope is valid', () => {
    expect(validateStoredEvent(future).success).toBe(true);
  });

  it('still rejects an unknown type with a broken envelope', () => {
    const result = validateStoredEvent({ ...future, seq: -1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['seq']);
  });

  it('checks a known type against its full schema', () => {
    const broken = stored(examples['decision.finalized']) as unknown as { data: Record<string, unknown> };
    const result = validateStoredEvent({ ...broken, data: { ...broken.data, outcome: 'maybe' } });
    expect(result.success).toBe(false);
  });
});
