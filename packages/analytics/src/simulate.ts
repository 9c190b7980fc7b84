import { sha256Hex } from '@deliberate/core/events';
import type { DecisionEventDraft, DeliberateEvent, EventType } from '@deliberate/core';
import { stampAt, uuidv7FromBytes } from '@deliberate/log';
import { canonicalJson } from './canonical.ts';

/*
 * A simulated Deliberate deployment with known ground truth, for demos, stories, tests and
 * benchmarks. Pure and deterministic: the same options give the same events, byte for byte, in
 * Node and in a browser. It streams: memory holds the staff, the open hash chains and the
 * outcomes still to be recorded, never the log.
 *
 * What is simulated (the "known truth" an evaluation should find):
 * - staff with reliance habits: `over-relier` (follows the AI 85 % of the time when they disagree),
 *   `skeptic` (15 %), `calibrated` (follows in proportion to the AI's stated confidence);
 *   trainees, caseworkers and senior caseworkers with different own accuracy;
 * - three procedures: eligibility (3 labels), a fraud flag (2 labels), a benefit amount (numeric);
 * - model versions: eligibility-gbm 2.3.1 (accuracy ≈ 0.78, overconfident) is replaced by 2.4.0
 *   (≈ 0.86, calibrated) halfway through; the fraud model is underconfident;
 * - an A/B test of screens: `classic` (AI shown at once) against `judge-first` (own judgement
 *   first, then the AI; always used at high stakes), which lowers switching towards the AI;
 * - a 5 % no-AI control arm, audit samples, people deciding without the AI, the AI stopped,
 *   abandoned decisions, explanation panels (viewing "factors" raises acceptance), coded reasons,
 *   corrected (re-finalized) decisions, and at-least-once delivery duplicates;
 * - ground truth recorded by other systems: most of it days to weeks later (appeals, audits,
 *   courts), some before the decision is finalized (registry checks), in their own chains.
 */

/* -------------------------------------------------------------------------------------------------
 * Options
 * -----------------------------------------------------------------------------------------------*/

/**
 * Options for `simulateEvents`.
 *
 * @example
 * simulateEvents({ decisions: 2000, seed: 'demo' });
 */
export interface SimulationOptions {
  /**
   * Decisions to simulate.
   * @default 1000 (or enough for `events`)
   */
  decisions?: number | undefined;
  /**
   * Stop after exactly this many events (outcomes not yet recorded by then are left out, as in an
   * export taken on a given day). Without it, every decision and outcome is written.
   * @default undefined
   */
  events?: number | undefined;
  /**
   * Seed: the same seed gives the same log.
   * @default 1
   */
  seed?: string | number | undefined;
  /**
   * First working day, `YYYY-MM-DD` (UTC).
   * @default '2025-01-06'
   */
  start?: string | undefined;
  /**
   * Calendar days the decisions are spread over (working hours, Monday to Friday).
   * @default 182
   */
  days?: number | undefined;
  /**
   * Write about 0.2 % of events twice in a row, as at-least-once delivery does.
   * @default true
   */
  duplicates?: boolean | undefined;
  /**
   * SHA-256 as lowercase hex, for the hash chain. Node callers pass node:crypto (much faster).
   * @default sha256Hex from @deliberate/core
   */
  sha256?: ((text: string) => string) | undefined;
}

/** The reliance habits of simulated staff. */
export type SimulatedHabit = 'over-relier' | 'skeptic' | 'calibrated';

/**
 * A little under the events per decision of the default mix (≈ 4.6 with outcomes): `events`-only
 * runs plan this many decisions over `days`, and keep going past the plan if the budget is not
 * spent yet.
 */
export const EVENTS_PER_DECISION = 4.4;

/** The procedures, labels and models the simulator uses. */
export const SIMULATED_PROCEDURES = {
  eligibility: {
    procedure: 'housing-benefit.eligibility',
    labels: ['approve', 'reject', 'request-documents'],
    models: [
      { id: 'eligibility-gbm', version: '2.3.1' },
      { id: 'eligibility-gbm', version: '2.4.0' },
    ],
  },
  fraud: {
    procedure: 'housing-benefit.fraud-flag',
    labels: ['no-flag', 'flag'],
    models: [{ id: 'fraud-flag', version: '0.9.0' }],
  },
  amount: {
    procedure: 'housing-benefit.amount',
    labels: [],
    models: [{ id: 'amount-regressor', version: '1.2.0' }],
  },
} as const;

/* -------------------------------------------------------------------------------------------------
 * Randomness
 * -----------------------------------------------------------------------------------------------*/

/** sfc32, seeded through cyrb128: small, fast, and identical in every JS engine. */
function createRandom(seed: string): () => number {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
  let b = (h2 ^ h1) >>> 0;
  let c = (h3 ^ h1) >>> 0;
  let d = (h4 ^ h1) >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

class Random {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let u = this.next() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of items) {
      u -= w;
      if (u < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  normal(): number {
    // Box–Muller; 1 − u keeps the log finite.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  hex(digits: number): string {
    let out = '';
    while (out.length < digits)
      out += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, digits);
  }
}

/* -------------------------------------------------------------------------------------------------
 * The deployment
 * -----------------------------------------------------------------------------------------------*/

interface Staff {
  id: string;
  role: 'trainee' | 'caseworker' | 'senior-caseworker';
  habit: SimulatedHabit;
  /** Probability that the person's own judgement is right. */
  skill: number;
  /** Tendency to open explanation panels. */
  curiosity: number;
  /** Median seconds to decide. */
  pace: number;
}

interface Chain {
  id: string;
  seq: number;
  prev: string | null;
  day: number;
}

interface Pending {
  ts: number;
  /** Tie-breaker so the heap order is deterministic. */
  order: number;
  event: DecisionEventDraft;
  chainKey: string;
}

const MS_PER_DAY = 86_400_000;
const WORK_START_MIN = 8 * 60;
const WORK_MINUTES = 9 * 60;

const REASONS = [
  { code: 'missing-evidence', display: 'Evidence missing' },
  { code: 'contradicting-documents', display: 'Documents contradict the recommendation' },
  { code: 'policy-exception', display: 'Hardship rule applies' },
  { code: 'ai-implausible', display: 'Recommendation implausible for this case' },
  { code: 'other', display: 'Other' },
] as const;
const REASON_SYSTEM = 'urn:deliberate:reasons';
type Panel = 'factors' | 'evidence' | 'similar-cases' | 'counterfactuals' | 'model';
const POLICIES = {
  'judge-first': { id: 'deliberate.judge-first', reveal: 'after-judgement', minOwnTimeMs: 20_000 },
  classic: { id: 'deliberate.immediate', reveal: 'immediate', minOwnTimeMs: 0 },
} as const;

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const idBytes = new Uint8Array(16);

/**
 * A UUID v7 for time `ms`, laid out by @deliberate/log as the logger lays out its ids, from 16
 * bytes of the seeded generator instead of the CSPRNG: the same seed gives the same ids.
 */
function uuidV7(ms: number, random: Random): string {
  for (let i = 0; i < 16; i += 4) {
    const word = Math.floor(random.next() * 0x100000000);
    idBytes[i] = word >>> 24;
    idBytes[i + 1] = word >>> 16;
    idBytes[i + 2] = word >>> 8;
    idBytes[i + 3] = word;
  }
  return uuidv7FromBytes(idBytes, Math.floor(ms));
}

/** Min-heap of pending events by (ts, order). */
class Heap {
  private items: Pending[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Pending | undefined {
    return this.items[0];
  }
  private less(a: Pending, b: Pending): boolean {
    return a.ts < b.ts || (a.ts === b.ts && a.order < b.order);
  }
  push(item: Pending): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Pending | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Staff: enough people that groups by role stay above k, few enough that each has a habit. */
function createStaff(decisionCount: number, random: Random, ids: Random): Staff[] {
  const staffCount = clamp(Math.round(decisionCount / 60), 12, 600);
  const staff: Staff[] = [];
  for (let i = 0; i < staffCount; i++) {
    const role = random.weighted([
      ['caseworker', 0.65],
      ['senior-caseworker', 0.2],
      ['trainee', 0.15],
    ] as const);
    const habit = random.weighted([
      ['over-relier', 0.3],
      ['skeptic', 0.25],
      ['calibrated', 0.45],
    ] as const);
    const base = role === 'trainee' ? 0.6 : role === 'caseworker' ? 0.7 : 0.78;
    staff.push({
      id: `staff-${ids.hex(10)}`,
      role,
      habit,
      skill: clamp(base + random.normal() * 0.04, 0.5, 0.92),
      curiosity: habit === 'calibrated' ? 0.5 : habit === 'skeptic' ? 0.35 : 0.15,
      pace: (habit === 'over-relier' ? 35 : habit === 'skeptic' ? 75 : 55) * (role === 'trainee' ? 1.4 : 1),
    });
  }
  return staff;
}

/** Working-time position (0…1 of all working minutes) → epoch ms, Monday to Friday 08:00–17:00. */
function workingCalendar(startDay: number, days: number): (position: number) => number {
  const workdays: number[] = [];
  for (let d = 0; d < days; d++) {
    const day = startDay + d;
    const weekday = (((day + 3) % 7) + 7) % 7;
    if (weekday < 5) workdays.push(day);
  }
  const count = Math.max(1, workdays.length);
  return (position) => {
    const minute = clamp(position, 0, 0.999999) * count * WORK_MINUTES;
    const index = Math.floor(minute / WORK_MINUTES);
    const within = minute - index * WORK_MINUTES;
    return (workdays[index] ?? startDay) * MS_PER_DAY + Math.floor((WORK_START_MIN + within) * 60_000);
  };
}

function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`start must be a date YYYY-MM-DD, not "${day}".`);
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
}

/**
 * Generates a simulated, hash-chained `deliberate.event/1` log in file order. Deterministic for a
 * seed; streams with memory independent of the log's length.
 *
 * @example
 * for (const event of simulateEvents({ decisions: 500, seed: 'story' })) engine.pushEvent(event);
 */
export function* simulateEvents(
  options: SimulationOptions = {},
): Generator<DeliberateEvent, void, undefined> {
  const maxEvents = options.events;
  if (maxEvents !== undefined && (!Number.isInteger(maxEvents) || maxEvents < 0)) {
    throw new RangeError(`events must be a whole number ≥ 0, not ${String(maxEvents)}.`);
  }
  const decisionCount =
    options.decisions ?? (maxEvents !== undefined ? Math.ceil(maxEvents / EVENTS_PER_DECISION) + 1 : 1000);
  if (!Number.isInteger(decisionCount) || decisionCount < 0) {
    throw new RangeError(`decisions must be a whole number ≥ 0, not ${String(decisionCount)}.`);
  }
  const days = options.days ?? 182;
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`days must be a whole number ≥ 1, not ${String(days)}.`);
  const startDay = parseDay(options.start ?? '2025-01-06');
  const seed = String(options.seed ?? 1);
  const sha256 = options.sha256 ?? sha256Hex;
  // The chain hash: @deliberate/log's own (hashCanonical) unless the caller brings a SHA-256.
  const hashUnsigned =
    options.sha256 === undefined ? undefined : (unsigned: object) => sha256(canonicalJson(unsigned));
  const withDuplicates = options.duplicates ?? true;
  const random = new Random(createRandom(`deliberate-simulation:${seed}`));
  const ids = new Random(createRandom(`deliberate-simulation-ids:${seed}`));

  const staff = createStaff(decisionCount, random, ids);
  const calendar = workingCalendar(startDay, days);

  const chains = new Map<string, Chain>();
  const heap = new Heap();
  let order = 0;
  let emitted = 0;
  const budgetLeft = () => maxEvents === undefined || emitted < maxEvents;

  /** Stamps a draft into its chain (id, chain, seq, prev, hash) as the logger does. */
  function stamp(draft: DecisionEventDraft, chain: Chain, ms: number): DeliberateEvent {
    const event = stampAt(draft, uuidV7(ms, ids), chain.id, chain.seq, chain.prev, hashUnsigned);
    chain.seq++;
    chain.prev = event.hash;
    return event;
  }

  function chainFor(key: string, day: number, ms: number): Chain {
    let chain = chains.get(key);
    // A person's logger lives for one working day (one browser session): a new chain each day.
    if (!chain || chain.day !== day) {
      chain = { id: uuidV7(ms, ids), seq: 0, prev: null, day };
      chains.set(key, chain);
    }
    return chain;
  }

  function draft<T extends EventType>(
    type: T,
    ms: number,
    envelope: {
      decisionId: string;
      procedure: string;
      caseRef: string;
      actor: { id: string; role?: string };
      model?: { id: string; version: string } | undefined;
    },
    data: unknown,
  ): DecisionEventDraft {
    return {
      schema: 'deliberate.event/1',
      type,
      ts: new Date(ms).toISOString(),
      decisionId: envelope.decisionId,
      procedure: envelope.procedure,
      caseRef: envelope.caseRef,
      actor: envelope.actor,
      ...(envelope.model === undefined ? {} : { model: envelope.model }),
      data,
    } as DecisionEventDraft;
  }

  /** Events of the records systems go into one long-lived chain per system. */
  function recordsChain(source: string, ms: number): Chain {
    return chainFor(`records:${source}`, 0, ms);
  }

  function* emit(event: DeliberateEvent): Generator<DeliberateEvent, void, undefined> {
    if (!budgetLeft()) return;
    emitted++;
    yield event;
    if (withDuplicates && budgetLeft() && random.chance(0.002)) {
      emitted++;
      yield event;
    }
  }

  function* flushUntil(ms: number): Generator<DeliberateEvent, void, undefined> {
    while (heap.size > 0 && heap.peek()!.ts <= ms && budgetLeft()) {
      const item = heap.pop()!;
      const source = item.chainKey;
      yield* emit(stamp(item.event, recordsChain(source, item.ts), item.ts));
    }
  }

  const open = options.decisions === undefined && maxEvents !== undefined;
  for (let i = 0; (i < decisionCount || open) && budgetLeft(); i++) {
    const t0 = calendar((i + random.next()) / Math.max(1, decisionCount));
    yield* flushUntil(t0);
    if (!budgetLeft()) break;
    const progress = (t0 - startDay * MS_PER_DAY) / (days * MS_PER_DAY);
    const person = staff[random.int(staff.length)]!;
    const day = Math.floor(t0 / MS_PER_DAY);
    const chain = chainFor(person.id, day, t0);

    const which = random.weighted([
      ['eligibility', 0.6],
      ['fraud', 0.25],
      ['amount', 0.15],
    ] as const);
    const spec = SIMULATED_PROCEDURES[which];
    const model =
      which === 'eligibility'
        ? spec.models[progress < 0.5 ? 0 : 1]!
        : (spec.models[0] as { id: string; version: string });
    const envelope = {
      decisionId: `dec-${seed}-${String(i).padStart(7, '0')}`,
      procedure: spec.procedure,
      caseRef: `case-${ids.hex(12)}`,
      actor: { id: person.id, role: person.role },
      model: { id: model.id, version: model.version },
    };
    const stakes = random.weighted([
      ['low', 0.45],
      ['medium', 0.4],
      ['high', 0.15],
    ] as const);
    const uiVariant = stakes === 'high' || random.chance(0.5) ? 'judge-first' : 'classic';
    const policy = POLICIES[uiVariant];
    const arm = random.chance(0.05) ? 'no-ai' : 'ai';
    const audit = random.chance(0.03);
    const justification = stakes === 'high' ? 'always' : 'override';

    // Ground truth, the AI's recommendation and confidence, and the person's own judgement.
    const numeric = which === 'amount';
    const labels: readonly string[] = spec.labels;
    let y: string | number;
    let a: string | number;
    let c: number | null;
    let h0: string | number;
    let interval: { lo: number; hi: number; level: number } | undefined;
    if (numeric) {
      const truth = Math.round((300 + random.next() * 600) / 10) * 10;
      y = truth;
      a = Math.round((truth + random.normal() * 60) / 10) * 10;
      h0 = Math.round((truth + random.normal() * (120 - person.skill * 60)) / 10) * 10;
      c = null;
      interval = { lo: a - 100, hi: a + 100, level: 0.9 };
    } else {
      const priors = which === 'eligibility' ? [0.55, 0.3, 0.15] : [0.88, 0.12];
      y = random.weighted(labels.map((label, k) => [label, priors[k] ?? 0] as const));
      const other = (label: string) => {
        const rest = labels.filter((l) => l !== label);
        return random.pick(rest);
      };
      let confidence: number;
      let pCorrect: number;
      if (which === 'fraud') {
        confidence = round(0.5 + 0.45 * random.next() ** 0.7, 3);
        pCorrect = clamp(confidence + 0.08, 0, 0.995); // underconfident
      } else if (model.version === '2.3.1') {
        confidence = round(0.4 + 0.59 * random.next() ** 0.6, 3);
        pCorrect = clamp(0.5 + 0.55 * (confidence - 0.5), 0.3, 0.95); // overconfident
      } else {
        confidence = round(0.4 + 0.59 * random.next() ** 0.45, 3);
        pCorrect = confidence; // calibrated
      }
      // A few recommendations at exactly 1.0: they belong in the last bin.
      if (random.chance(0.005)) {
        confidence = 1;
        pCorrect = 0.97;
      }
      c = confidence;
      a = random.chance(pCorrect) ? y : other(y);
      const skill = clamp(person.skill - (stakes === 'high' ? 0.05 : 0), 0.4, 0.95);
      h0 = random.chance(skill) ? y : other(y);
    }

    const valueOf = (v: string | number) => (typeof v === 'number' ? { value: v } : { label: v });
    let t = t0;
    const blockEvents: DeliberateEvent[] = [];
    const push = (type: EventType, ms: number, data: unknown, withModel = true) => {
      const env = withModel ? envelope : { ...envelope, model: undefined };
      blockEvents.push(stamp(draft(type, ms, env, data), chain, ms));
    };

    push('decision.opened', t, {
      policy: {
        id: policy.id,
        version: '1.0.0',
        reveal: policy.reveal,
        justification,
        minOwnTimeMs: policy.minOwnTimeMs,
        arm,
        audit,
        rule: `${stakes}-stakes`,
        // No band: the plan may not depend on the AI's output before the reveal
        // (docs/architecture.md §1); the band is logged with the reveal.
      },
      stakes,
      uiVariant,
    });

    const judgeFirst = uiVariant === 'judge-first' || arm === 'no-ai';
    const durationFactor = Math.exp(random.normal() * 0.45);
    const totalMs =
      Math.round(person.pace * 1000 * durationFactor * (judgeFirst ? 1.6 : 1)) + policy.minOwnTimeMs;
    let judgementLogged = false;
    if (judgeFirst) {
      t += Math.round(totalMs * 0.55);
      push('judgement.committed', t, {
        judgement: { ...valueOf(h0), confidence: round(0.5 + 0.45 * random.next(), 2) },
        commitment: sha256(`${envelope.decisionId}:${String(h0)}`),
      });
      judgementLogged = true;
    }

    // Abandoned decisions: no finalization and no outcome.
    if (random.chance(0.02)) {
      t += 5_000 + random.int(60_000);
      push('decision.abandoned', t, { stage: judgementLogged ? 'committed' : 'opened' });
      for (const event of blockEvents) yield* emit(event);
      continue;
    }

    const stopped = arm === 'ai' && random.chance(0.003);
    const withoutAi = arm === 'no-ai' || stopped || random.chance(0.02);
    let h: string | number = h0;
    let outcome: 'accepted' | 'modified' | 'overridden' | 'without-ai' = 'without-ai';
    let viewedFactors = false;
    if (stopped) {
      t += 2_000;
      push('ai.stopped', t, { scope: 'decision', reason: 'The person switched the AI off for this case.' });
    }
    if (!withoutAi) {
      t += judgeFirst ? 400 : 300;
      const shown = { ...valueOf(a), confidence: c, ...(interval ? { interval } : {}) };
      push('recommendation.revealed', t, {
        recommendation: shown,
        display: {
          format: c === null ? 'interval' : 'percent',
          text:
            c === null
              ? `${String(a)} (${interval?.lo}–${interval?.hi})`
              : `${String(a)} (${Math.round(c * 100)} %)`,
        },
        requested: false,
        // The simulated policies have no after-reveal rules: the band is recorded, the
        // justification stays. Bands by the default thresholds (docs/research.md §2).
        friction: {
          band: c === null ? 'unknown' : c >= 0.9 ? 'high' : c >= 0.66 ? 'medium' : 'low',
          justification,
        },
      });
      if (random.chance(person.curiosity)) {
        const views = 1 + random.int(2);
        for (let v = 0; v < views; v++) {
          const panel = random.weighted([
            ['factors', 0.4],
            ['evidence', 0.25],
            ['similar-cases', 0.15],
            ['counterfactuals', 0.1],
            ['model', 0.1],
          ] as const satisfies readonly (readonly [Panel, number])[]);
          if (panel === 'factors') viewedFactors = true;
          t += 3_000 + random.int(20_000);
          push('explanation.viewed', t, { panel, durationMs: 2_000 + random.int(40_000) });
        }
      }
      // The final decision, by habit.
      if (typeof a === 'number' && typeof h0 === 'number') {
        const weight =
          person.habit === 'over-relier'
            ? 0.85
            : person.habit === 'skeptic'
              ? 0.15
              : 0.5 + random.normal() * 0.15;
        h = Math.round((h0 + clamp(weight, 0, 1) * (a - h0)) / 10) * 10;
        outcome =
          h === a ? 'accepted' : interval && h >= interval.lo && h <= interval.hi ? 'modified' : 'overridden';
      } else {
        let follow: number;
        if (h0 === a) follow = 0.97;
        else if (person.habit === 'over-relier') follow = 0.85;
        else if (person.habit === 'skeptic') follow = 0.15;
        else follow = clamp(((c ?? 0.5) - 0.45) * 1.8, 0.05, 0.95);
        // Fogliato et al. 2022: a committed own judgement means less switching; seeing the AI
        // first anchors on it.
        if (h0 !== a) follow = judgeFirst ? follow * 0.7 : Math.min(0.98, follow + 0.12);
        if (viewedFactors) follow = Math.min(0.98, follow + 0.1); // Bansal et al. 2021
        h = random.chance(follow) ? a : h0 === a ? random.pick(labels.filter((l) => l !== a)) : h0;
        outcome = h === a ? 'accepted' : 'overridden';
      }
    }

    t = Math.max(t + 1_000, t0 + totalMs);
    const reasons: { system: string; code: string; display: string }[] = [];
    let comment: string | undefined;
    if (outcome === 'overridden' || outcome === 'modified') {
      const reason = random.weighted(
        REASONS.map((r, k) => [r, [0.3, 0.25, 0.15, 0.2, 0.1][k] ?? 0] as const),
      );
      reasons.push({ system: REASON_SYSTEM, ...reason });
      if (reason.code === 'other') comment = 'See case notes.';
    } else if (justification === 'always') {
      reasons.push({
        system: REASON_SYSTEM,
        code: 'agree-with-evidence',
        display: 'Evidence supports the decision',
      });
    }

    // Some truths are known before the decision is final (registry checks), in their own chain.
    const truthRoll = random.next();
    const recordTruth = audit || truthRoll < 0.62;
    const earlyTruth = recordTruth && !numeric && random.chance(0.08);
    if (earlyTruth) {
      const ms = t - 1_000 - random.int(5_000);
      const event = draft(
        'outcome.recorded',
        ms,
        { ...envelope, actor: { id: 'system-registry' } },
        {
          truth: valueOf(y),
          source: 'registry-check',
        },
      );
      blockEvents.push(stamp(event, recordsChain('registry-check', ms), ms));
    }

    const outcomeOf = (final: string | number): typeof outcome => {
      if (outcome === 'without-ai' || final === a) return outcome === 'without-ai' ? outcome : 'accepted';
      if (typeof final === 'number' && interval && final >= interval.lo && final <= interval.hi)
        return 'modified';
      return 'overridden';
    };
    const finalized = (ms: number, final: string | number, duration: number) =>
      push('decision.finalized', ms, {
        final: valueOf(final),
        outcome: outcomeOf(final),
        reasons,
        ...(comment === undefined ? {} : { comment }),
        durationMs: duration,
        ...(outcome === 'without-ai'
          ? {}
          : { recommendation: { ...valueOf(a), confidence: c, ...(interval ? { interval } : {}) } }),
        ...(judgementLogged ? { judgement: valueOf(h0) } : {}),
      });
    finalized(t, h, t - t0);
    // A few decisions are corrected the same day: the later finalization counts.
    if (random.chance(0.005)) {
      const corrected = typeof h === 'number' ? h + 10 : h === y ? h : y;
      t += 600_000;
      finalized(t, corrected, t - t0);
    }
    for (const event of blockEvents) yield* emit(event);

    if (recordTruth && !earlyTruth) {
      const source = audit
        ? 'audit'
        : random.weighted([
            ['appeal', 0.5],
            ['audit', 0.3],
            ['court', 0.2],
          ] as const);
      const delayDays =
        source === 'court'
          ? 20 + random.int(40)
          : source === 'appeal'
            ? 3 + random.int(25)
            : 1 + random.int(14);
      const ms = t + delayDays * MS_PER_DAY + random.int(8 * 3_600_000);
      heap.push({
        ts: ms,
        order: order++,
        chainKey: source,
        event: draft(
          'outcome.recorded',
          ms,
          { ...envelope, actor: { id: `system-${source}` } },
          {
            truth: valueOf(y),
            source,
          },
        ),
      });
    }
  }
  yield* flushUntil(Infinity);
}

/**
 * The simulated staff for a seed and size, with their habits: the ground truth an evaluation of
 * reliance should recover (e.g. with `--by actor` in a test deployment).
 *
 * @example
 * simulatedStaff({ decisions: 2000, seed: 1 }).filter((s) => s.habit === 'over-relier');
 */
export function simulatedStaff(
  options: Pick<SimulationOptions, 'decisions' | 'events' | 'seed'> = {},
): { id: string; role: string; habit: SimulatedHabit; skill: number }[] {
  const decisionCount =
    options.decisions ??
    (options.events !== undefined ? Math.ceil(options.events / EVENTS_PER_DECISION) + 1 : 1000);
  const seed = String(options.seed ?? 1);
  return createStaff(
    decisionCount,
    new Random(createRandom(`deliberate-simulation:${seed}`)),
    new Random(createRandom(`deliberate-simulation-ids:${seed}`)),
  ).map(({ id, role, habit, skill }) => ({ id, role, habit, skill }));
}
