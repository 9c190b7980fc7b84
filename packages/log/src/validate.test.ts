import { EVENT_SCHEMA_VERSION, EVENT_TYPES } from '@deliberate/core';
import { DecisionEventDraftSchema, DeliberateEventSchema } from '@deliberate/core/events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeChain, makeDraft } from './testing/drafts.ts';
import { compileValidator } from './validate.ts';

const draftCheck = compileValidator(DecisionEventDraftSchema);
const zodAccepts = (value: unknown) => DecisionEventDraftSchema.safeParse(value).success;

/** Every type's draft, as the logger validates it (schema set, JSON only). */
const drafts = EVENT_TYPES.map((type) => {
  const draft = JSON.parse(JSON.stringify(makeDraft(type))) as Record<string, unknown>;
  return { ...draft, schema: EVENT_SCHEMA_VERSION } as unknown;
});

/** Values a field may be replaced with: the right type, the wrong type, edge values. */
const replacement = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    'x',
    '\ud83d\ude00',
    0,
    -0,
    -1,
    0.5,
    1,
    1.5,
    NaN,
    Infinity,
    true,
    false,
    [],
    {},
    ['a'],
    [1, 'a'],
    'after-judgement',
    'overridden',
    'deliberate.event/1',
    '2025-01-01T00:00:00.000Z',
    '2025-01-01T00:00:00Z',
    'a'.repeat(64),
    'A'.repeat(64),
    'decision.opened',
    'no.such.type',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path to a value inside `value` (objects and arrays), as key lists. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const out: (string | number)[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path, ...paths(child, path));
  }
  return out;
}

/** A copy of `value` with the thing at `path` replaced, or deleted when `remove` (objects only). */
function mutate(value: unknown, path: (string | number)[], next: unknown, remove: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = next;
  return copy;
}

describe('compileValidator', () => {
  it('compiles the core draft schema without leaving anything to zod', () => {
    expect(draftCheck.delegated).toBe(0);
  });

  it('accepts every valid draft', () => {
    for (const draft of drafts) {
      expect(zodAccepts(draft)).toBe(true);
      expect(draftCheck.check(draft)).toBe(true);
    }
  });

  it('gives zod’s verdict on drafts with any one field changed, removed or added', () => {
    const mutations = fc
      .constantFrom(...drafts)
      .chain((draft) =>
        fc.tuple(
          fc.constant(draft),
          fc.constantFrom(...paths(draft), ['extra'], ['data', 'extra'], ['actor', 'role']),
          replacement,
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(mutations, ([draft, path, next, remove]) => {
        const mutated = mutate(draft, path, next, remove);
        expect(draftCheck.check(mutated)).toBe(zodAccepts(mutated));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives zod’s verdict on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(draftCheck.check(value)).toBe(zodAccepts(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves constructs it does not know to zod, and still gives zod’s verdict', () => {
    // The stored-event schema checks `seq` with z.int(), which the compiler does not mirror.
    const stored = compileValidator(DeliberateEventSchema);
    expect(stored.delegated).toBeGreaterThan(0);
    for (const event of makeChain(12)) {
      expect(stored.check(event)).toBe(true);
      for (const seq of [1.5, -1, Number.MAX_SAFE_INTEGER + 2, '1']) {
        const changed = { ...event, seq };
        expect(stored.check(changed)).toBe(DeliberateEventSchema.safeParse(changed).success);
        expect(stored.check(changed)).toBe(false);
      }
    }
  });
});
