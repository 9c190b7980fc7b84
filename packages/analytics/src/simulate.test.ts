import { describe, expect, it } from 'vitest';
import { DeliberateEventSchema } from '@deliberate/core/events';
import type { DeliberateEvent } from '@deliberate/core';
import { verifyChain } from '@deliberate/log';
import { createMetricsEngine } from './engine.ts';
import { nodeSha256 } from './node.ts';
import { simulateEvents, simulatedStaff } from './simulate.ts';

const small = { decisions: 400, seed: 'sim-test', sha256: nodeSha256 } as const;

describe('simulateEvents', { timeout: 30_000 }, () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = [...simulateEvents(small)].map((e) => JSON.stringify(e));
    const b = [...simulateEvents(small)].map((e) => JSON.stringify(e));
    const c = [...simulateEvents({ ...small, seed: 'other' })].map((e) => JSON.stringify(e));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('writes valid events in intact hash chains, checked by @deliberate/log with the reference hash', () => {
    const events = [...simulateEvents({ ...small, decisions: 150 })];
    for (const event of events) expect(DeliberateEventSchema.safeParse(event).success).toBe(true);
    const verdict = verifyChain(events);
    expect(verdict.firstBreak).toBeNull();
    expect(verdict.ok).toBe(true);
  });

  it('gives events and chains UUID v7 ids in the logger’s layout, each id carrying its event’s time', () => {
    const events = [...simulateEvents({ ...small, decisions: 100 })];
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const event of events) {
      expect(event.id).toMatch(v7);
      expect(event.chain).toMatch(v7);
      expect(Number.parseInt(event.id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse(event.ts));
    }
  });

  it('covers every part of a realistic deployment', () => {
    const events = [...simulateEvents({ ...small, decisions: 3000 })];
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'decision.opened',
      'judgement.committed',
      'recommendation.revealed',
      'explanation.viewed',
      'decision.finalized',
      'decision.abandoned',
      'ai.stopped',
      'outcome.recorded',
    ]) {
      expect(types).toContain(type);
    }
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBeLessThan(ids.length); // at-least-once duplicates
    // Some outcomes come before their decision's finalization in file order, most after.
    const finalizedAt = new Map<string, number>();
    events.forEach((e, i) => {
      if (e.type === 'decision.finalized' && !finalizedAt.has(e.decisionId)) finalizedAt.set(e.decisionId, i);
    });
    const outcomes = events.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'outcome.recorded') as [
      DeliberateEvent,
      number,
    ][];
    const early = outcomes.filter(([e, i]) => i < (finalizedAt.get(e.decisionId) ?? Infinity));
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(outcomes.length / 4);
    expect(events.some((e) => e.type === 'decision.finalized' && e.data.final.value !== undefined)).toBe(
      true,
    );
  });

  it('builds in the known effects: judge-first lowers over-reliance, model 2.4.0 is better calibrated', () => {
    const engine = createMetricsEngine();
    for (const event of simulateEvents({ ...small, decisions: 4000 })) engine.pushEvent(event);
    const byScreen = engine.grouped('uiVariant').groups;
    expect(byScreen['judge-first']!.overReliance!.rate).toBeLessThan(byScreen['classic']!.overReliance!.rate);
    const byModel = engine.grouped('model').groups;
    expect(byModel['eligibility-gbm@2.4.0']!.calibration.ece!).toBeLessThan(
      byModel['eligibility-gbm@2.3.1']!.calibration.ece!,
    );
    expect(byModel['eligibility-gbm@2.4.0']!.accuracy.ai!.rate).toBeGreaterThan(
      byModel['eligibility-gbm@2.3.1']!.accuracy.ai!.rate,
    );
    const staff = simulatedStaff({ decisions: 4000, seed: small.seed });
    expect(new Set(staff.map((s) => s.habit))).toEqual(new Set(['over-relier', 'skeptic', 'calibrated']));
  });

  it('stops after exactly the requested number of events', () => {
    expect([...simulateEvents({ events: 777, seed: 3, sha256: nodeSha256 })]).toHaveLength(777);
  });

  it('rejects sizes that are not whole numbers', () => {
    expect(() => [...simulateEvents({ decisions: -1 })]).toThrow(RangeError);
    expect(() => [...simulateEvents({ events: 1.5 })]).toThrow(RangeError);
  });
});
