import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliberateEvent } from '@deliberate/core';
import { DecisionTable, MAX_PANELS, OTHER_PANEL, SmallColumn } from './decisions.ts';
import { metricsFromEvents } from './engine.ts';
import { event, finalized, resetIds } from './testing/events.ts';

beforeEach(() => resetIds());

describe('SmallColumn', () => {
  it('starts narrow and widens without losing values when one needs more bits', () => {
    const column = new SmallColumn(4, 8);
    column.set(0, 200);
    expect(column.bytesPerSlot).toBe(1);
    column.set(1, 300);
    expect(column.bytesPerSlot).toBe(2);
    column.set(2, 70_000);
    expect(column.bytesPerSlot).toBe(4);
    column.grow(8);
    column.set(7, 4_000_000_000);
    expect([0, 1, 2, 7].map((slot) => column.get(slot))).toEqual([200, 300, 70_000, 4_000_000_000]);
  });
});

describe('DecisionTable', () => {
  it('grows its columns past the initial capacity and keeps every decision', () => {
    const table = new DecisionTable(16);
    for (let i = 0; i < 1000; i++) {
      table.ingest(
        event('decision.finalized', `d${i}`, finalized({ label: 'A' }, { durationMs: i }), {
          actor: `a${i}`,
        }),
      );
    }
    expect(table.size).toBe(1000);
    expect(table.capacity).toBeGreaterThanOrEqual(1000);
    expect(table.durationMs[999]).toBe(999);
    expect(table.contexts[table.context.get(999)]?.actor).toBe('a999');
  });

  it(`gives the first ${MAX_PANELS - 1} explanation panels a bit each and counts the rest as "${OTHER_PANEL}"`, () => {
    const events: DeliberateEvent[] = [event('decision.finalized', 'd', finalized({ label: 'A' }))];
    for (let i = 0; i < MAX_PANELS + 5; i++)
      events.push(event('explanation.viewed', 'd', { panel: `panel-${i}`, durationMs: 1 }));
    const { explanations } = metricsFromEvents(events);
    expect(explanations).toHaveLength(MAX_PANELS);
    expect(explanations.every((use) => use.share?.k === 1)).toBe(true);
    expect(explanations[MAX_PANELS - 1]?.panel).toBe(OTHER_PANEL);
  });
});
