import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliberateEventSchema } from '@deliberate/core/events';
import { simulateEvents } from './simulate.ts';
import { fastCheckEvent, isDeliberateEvent } from './validate.ts';

/*
 * The fast path may only accept what the schema accepts. Mutations of real (simulated) events —
 * a field deleted, replaced by a value of another type, or set to an edge value — probe every
 * check; whatever the fast path accepts, zod must accept too.
 */

const samples = [...simulateEvents({ decisions: 60, seed: 'validate', sha256: () => 'f'.repeat(64) })];

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path;
  if (rest.length === 0 && replacement === DELETE) delete copy[head!];
  else copy[head!] = mutate(copy[head!], rest, replacement);
  return copy;
}

const DELETE = Symbol('delete');
const replacements = fc.constantFrom<unknown>(
  DELETE,
  null,
  '',
  'x',
  'deliberate.event/1',
  '2025-02-30T10:00:00.000Z',
  'a'.repeat(64),
  'A'.repeat(64),
  -1,
  0,
  0.5,
  1,
  1.5,
  2 ** 60,
  Infinity,
  true,
  [],
  {},
  ['x'],
);

describe('fast event check', () => {
  it('accepts every event the simulator writes (so real logs take the fast path)', () => {
    for (const event of samples) expect(fastCheckEvent(JSON.parse(JSON.stringify(event)))).toBe(true);
  });

  it('never accepts an event the schema rejects', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: samples.length - 1 }),
        fc.nat(),
        replacements,
        (index, pick, replacement) => {
          const event = samples[index]!;
          const all = paths(event);
          const path = all[pick % all.length]!;
          const changed = mutate(event, path, replacement);
          if (fastCheckEvent(changed)) expect(DeliberateEventSchema.safeParse(changed).success).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('defers to the schema where the fast path is unsure', () => {
    expect(isDeliberateEvent({ ...samples[0], schema: 'other' })).toBe(false);
    expect(isDeliberateEvent(samples[0])).toBe(true);
    expect(isDeliberateEvent([])).toBe(false);
    expect(isDeliberateEvent('{"a":1}')).toBe(false);
  });
});
