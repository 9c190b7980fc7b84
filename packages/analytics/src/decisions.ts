import type { DeliberateEvent } from '@deliberate/core';
import { FingerprintIndex, fingerprint, fingerprintHi, fingerprintLo } from './fingerprint.ts';
import { parseTimestamp } from './time.ts';

/*
 * The join: one compact record per decision, in columns (typed arrays), filled in as events
 * stream past in any order. Memory is O(decisions), not O(events): ~100 bytes of columns per
 * decision plus ~16 bytes of index, and strings (labels, procedures, roles, actors, reason codes,
 * panels) are interned once. Nothing of an event is kept after it has been folded in.
 *
 * Which event counts when there are several of a kind for one decision: the latest by `ts`; on
 * an exact tie the later one in the log. (The SQL views break ties by the greater event id; for
 * events of one logger both orders agree, because UUID v7 ids increase along a chain.) The
 * separate `judgement.committed` / `recommendation.revealed` events win over the copies on
 * `decision.finalized` whatever their order; the copies of the winning `decision.finalized` fill
 * in where a separate event is missing.
 */

/** Flags per decision. */
export const F_FINAL = 1;
export const F_OPENED = 2;
export const F_JUDGEMENT_EVENT = 4;
export const F_RECOMMENDATION_EVENT = 8;
export const F_TRUTH = 16;
export const F_NO_AI_ARM = 32;
export const F_ABANDONED = 64;
export const F_REFINALIZED = 128;
/** An event of the decision has conflicting copies (same id, different content): left out. */
export const F_EXCLUDED = 256;

/** Outcome codes (0: not finalized). */
export const OUTCOME_CODES = { accepted: 1, modified: 2, overridden: 3, 'without-ai': 4 } as const;
export const WITHOUT_AI = 4;

/** What a decision value holds: nothing, an interned label, or a number. */
export const KIND_NONE = 0;
export const KIND_LABEL = 1;
export const KIND_NUMBER = 2;

/** Bit offsets of the four values' kinds in the `kinds` byte. */
export const FINAL = 0;
export const RECOMMENDATION = 2;
export const JUDGEMENT = 4;
export const TRUTH = 6;

/** Explanation panels get one bit each; panels beyond the 31st share the last bit. */
export const MAX_PANELS = 32;
export const OTHER_PANEL = '(other)';

/**
 * A column of small non-negative integers (interned ids, bit sets): 8 or 16 bits per decision
 * until a value needs more, then 32. Most logs have a few dozen procedures, roles and reason sets;
 * a deployment with 70,000 actors pays 32 bits, the others do not.
 */
export class SmallColumn {
  array: Uint8Array | Uint16Array | Uint32Array;

  constructor(capacity: number, bits: 8 | 16 = 16) {
    this.array = bits === 8 ? new Uint8Array(capacity) : new Uint16Array(capacity);
  }

  set(slot: number, value: number): void {
    const array = this.array;
    if (value > 0xff && array instanceof Uint8Array) this.array = Uint16Array.from(array);
    if (value > 0xffff && !(this.array instanceof Uint32Array)) this.array = Uint32Array.from(this.array);
    this.array[slot] = value;
  }

  get(slot: number): number {
    return this.array[slot]!;
  }

  grow(capacity: number): void {
    const next =
      this.array instanceof Uint8Array
        ? new Uint8Array(capacity)
        : this.array instanceof Uint16Array
          ? new Uint16Array(capacity)
          : new Uint32Array(capacity);
    next.set(this.array);
    this.array = next;
  }

  get bytesPerSlot(): number {
    return this.array.BYTES_PER_ELEMENT;
  }
}

/** A string table: each distinct string gets a small integer. */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  get(id: number): string {
    return this.values[id] ?? '';
  }

  /** The id of a string already interned, without adding it. */
  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** The envelope fields a finalized decision is grouped by. */
export interface DecisionContext {
  procedure: string;
  /** `id@version`, or '' when the event carries no model. */
  model: string;
  role: string;
  actor: string;
}

/** A reason code as first seen. */
export interface ReasonEntry {
  system: string;
  code: string;
  display: string;
}

const SEP = '\u0001';

/** Id of the empty string in `DecisionTable.strings`: zero-initialised columns read as absent. */
export const NONE = 0;

function modelKey(model: { id: string; version: string } | undefined): string {
  return model === undefined ? '' : `${model.id}@${model.version}`;
}

/**
 * All decisions of a log in compact columns, plus the string tables they point into.
 *
 * @example
 * const table = new DecisionTable();
 * for (const event of events) table.ingest(event);
 * table.size; // decisions seen
 */
export class DecisionTable {
  /** Decisions seen (finalized or not). */
  size = 0;
  /** `ai.stopped` events. */
  aiStopped = 0;
  /** Decisions excluded by `exclude`. */
  excluded = 0;

  capacity: number;
  flags: Uint16Array;
  outcome: Uint8Array;
  kinds: Uint8Array;
  finalValue: Float64Array;
  recValue: Float64Array;
  recConfidence: Float64Array;
  judgementValue: Float64Array;
  truthValue: Float64Array;
  finalTs: Float64Array;
  openedTs: Float64Array;
  recTs: Float64Array;
  judgementTs: Float64Array;
  truthTs: Float64Array;
  durationMs: Float64Array;
  readonly context: SmallColumn;
  readonly revealedModel: SmallColumn;
  readonly uiVariant: SmallColumn;
  readonly reasonSet: SmallColumn;
  /** Bit set of the explanation panels opened. */
  readonly panels: SmallColumn;

  readonly index: FingerprintIndex;
  readonly labels = new Interner();
  /** Short strings (ui variants, model keys); id 0 (`NONE`) is the empty string: absent. */
  readonly strings = new Interner();
  readonly panelNames = new Interner();
  readonly contexts: DecisionContext[] = [];
  /** procedure → model id → model version → role → actor → context id. */
  private readonly contextIds = new Map<string, Map<string, Map<string, Map<string, Map<string, number>>>>>();
  readonly reasons: ReasonEntry[] = [];
  private readonly reasonIds = new Map<string, number>();
  /** Reason sets: lists of indices into `reasons`. */
  readonly reasonSets: number[][] = [];
  private readonly reasonSetIds = new Map<string, number>();

  /** @param expectedDecisions room to make before the first growth (a guess is fine) */
  constructor(expectedDecisions = 1 << 12) {
    const initialCapacity = Math.max(16, Math.ceil(expectedDecisions));
    this.strings.id('');
    this.index = new FingerprintIndex(initialCapacity);
    this.capacity = initialCapacity;
    this.flags = new Uint16Array(initialCapacity);
    this.outcome = new Uint8Array(initialCapacity);
    this.kinds = new Uint8Array(initialCapacity);
    this.finalValue = new Float64Array(initialCapacity);
    this.recValue = new Float64Array(initialCapacity);
    this.recConfidence = new Float64Array(initialCapacity);
    this.judgementValue = new Float64Array(initialCapacity);
    this.truthValue = new Float64Array(initialCapacity);
    this.finalTs = new Float64Array(initialCapacity);
    this.openedTs = new Float64Array(initialCapacity);
    this.recTs = new Float64Array(initialCapacity);
    this.judgementTs = new Float64Array(initialCapacity);
    this.truthTs = new Float64Array(initialCapacity);
    this.durationMs = new Float64Array(initialCapacity);
    this.context = new SmallColumn(initialCapacity);
    this.revealedModel = new SmallColumn(initialCapacity);
    this.uiVariant = new SmallColumn(initialCapacity);
    this.reasonSet = new SmallColumn(initialCapacity);
    this.panels = new SmallColumn(initialCapacity, 8);
  }

  /** Bytes held by the columns and the decision index (string tables not counted). */
  get bytes(): number {
    // 2 + 1 + 1 + 8 × 11 bytes, plus the small columns (8–32 bits each) per decision slot.
    const small = [this.context, this.revealedModel, this.uiVariant, this.reasonSet, this.panels];
    return (
      this.capacity * (92 + small.reduce((sum, column) => sum + column.bytesPerSlot, 0)) + this.index.bytes
    );
  }

  private grow(): void {
    // 1.5× keeps the unused tail small; columns are copied one at a time, so the transient peak
    // is one column's old and new copy, not the whole table twice.
    const capacity = Math.ceil(this.capacity * 1.5);
    const grow = <T extends Uint8Array | Uint16Array | Float64Array>(
      column: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(column);
      return next;
    };
    this.flags = grow(this.flags, (n) => new Uint16Array(n));
    this.outcome = grow(this.outcome, (n) => new Uint8Array(n));
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.finalValue = grow(this.finalValue, (n) => new Float64Array(n));
    this.recValue = grow(this.recValue, (n) => new Float64Array(n));
    this.recConfidence = grow(this.recConfidence, (n) => new Float64Array(n));
    this.judgementValue = grow(this.judgementValue, (n) => new Float64Array(n));
    this.truthValue = grow(this.truthValue, (n) => new Float64Array(n));
    this.finalTs = grow(this.finalTs, (n) => new Float64Array(n));
    this.openedTs = grow(this.openedTs, (n) => new Float64Array(n));
    this.recTs = grow(this.recTs, (n) => new Float64Array(n));
    this.judgementTs = grow(this.judgementTs, (n) => new Float64Array(n));
    this.truthTs = grow(this.truthTs, (n) => new Float64Array(n));
    this.durationMs = grow(this.durationMs, (n) => new Float64Array(n));
    for (const column of [this.context, this.revealedModel, this.uiVariant, this.reasonSet, this.panels]) {
      column.grow(capacity);
    }
    this.capacity = capacity;
  }

  private slotOf(decisionId: string): number {
    fingerprint(decisionId);
    const slot = this.index.indexOf(fingerprintHi(), fingerprintLo());
    if (slot === this.size) {
      if (slot >= this.capacity) this.grow();
      this.size++;
    }
    return slot;
  }

  /** The kind (KIND_*) of one of the four values of a decision. */
  kind(slot: number, field: number): number {
    return (this.kinds[slot]! >> field) & 3;
  }

  private setValue(
    slot: number,
    field: number,
    column: Float64Array,
    value: { label?: string | undefined; value?: number | undefined } | undefined,
  ): void {
    let kind = KIND_NONE;
    if (value !== undefined) {
      // A label makes a decision categorical even if a value rides along.
      if (typeof value.label === 'string') {
        kind = KIND_LABEL;
        column[slot] = this.labels.id(value.label);
      } else if (typeof value.value === 'number') {
        kind = KIND_NUMBER;
        column[slot] = value.value;
      }
    }
    this.kinds[slot] = (this.kinds[slot]! & ~(3 << field)) | (kind << field);
  }

  private setRecommendation(
    slot: number,
    rec: { label?: string | undefined; value?: number | undefined; confidence: number | null } | undefined,
  ): void {
    this.setValue(slot, RECOMMENDATION, this.recValue, rec);
    this.recConfidence[slot] = rec !== undefined && typeof rec.confidence === 'number' ? rec.confidence : NaN;
  }

  private contextOf(event: DeliberateEvent): number {
    // Nested maps instead of one concatenated key: no string is built per event.
    const model = event.model;
    const role = event.actor.role ?? '';
    let byModel = this.contextIds.get(event.procedure);
    if (!byModel) this.contextIds.set(event.procedure, (byModel = new Map()));
    const modelId = model === undefined ? '' : model.id;
    const modelVersion = model === undefined ? '' : model.version;
    let byVersion = byModel.get(modelId);
    if (!byVersion) byModel.set(modelId, (byVersion = new Map()));
    let byRole = byVersion.get(modelVersion);
    if (!byRole) byVersion.set(modelVersion, (byRole = new Map()));
    let byActor = byRole.get(role);
    if (!byActor) byRole.set(role, (byActor = new Map()));
    let id = byActor.get(event.actor.id);
    if (id === undefined) {
      id = this.contexts.length;
      this.contexts.push({ procedure: event.procedure, model: modelKey(model), role, actor: event.actor.id });
      byActor.set(event.actor.id, id);
    }
    return id;
  }

  private reasonSetOf(reasons: readonly { system: string; code: string; display: string }[]): number {
    let key = '';
    const ids: number[] = [];
    for (const reason of reasons) {
      const reasonKey = reason.system + SEP + reason.code;
      let id = this.reasonIds.get(reasonKey);
      if (id === undefined) {
        id = this.reasons.length;
        this.reasons.push({ system: reason.system, code: reason.code, display: reason.display });
        this.reasonIds.set(reasonKey, id);
      }
      // A code given twice on one decision counts once.
      if (!ids.includes(id)) ids.push(id);
    }
    ids.sort((a, b) => a - b);
    key = ids.join(',');
    let set = this.reasonSetIds.get(key);
    if (set === undefined) {
      set = this.reasonSets.length;
      this.reasonSets.push(ids);
      this.reasonSetIds.set(key, set);
    }
    return set;
  }

  private panelBit(panel: string): number {
    const names = this.panelNames;
    let id = names.lookup(panel);
    if (id === undefined) id = names.values.length < MAX_PANELS - 1 ? names.id(panel) : names.id(OTHER_PANEL);
    return 1 << id;
  }

  /**
   * Leaves a decision out of every metric (it stays in the table, so later events of it are
   * folded in and stay out too). Returns its slot.
   */
  exclude(decisionId: string): number {
    const slot = this.slotOf(decisionId);
    this.excludeSlot(slot);
    return slot;
  }

  /** `exclude` by slot. */
  excludeSlot(slot: number): void {
    if (!(this.flags[slot]! & F_EXCLUDED)) {
      this.flags[slot] = this.flags[slot]! | F_EXCLUDED;
      this.excluded++;
    }
  }

  /**
   * Folds one valid event into its decision and returns the decision's slot. The event must
   * have passed the schema (the engine checks); it is not retained.
   */
  ingest(event: DeliberateEvent): number {
    const slot = this.slotOf(event.decisionId);
    this.fold(slot, event);
    return slot;
  }

  private fold(slot: number, event: DeliberateEvent): void {
    const flags = this.flags[slot]!;
    switch (event.type) {
      case 'decision.opened': {
        const ts = parseTimestamp(event.ts);
        if (flags & F_OPENED && ts < this.openedTs[slot]!) return;
        this.openedTs[slot] = ts;
        const arm = event.data.policy.arm === 'no-ai' ? F_NO_AI_ARM : 0;
        this.flags[slot] = (flags & ~F_NO_AI_ARM) | F_OPENED | arm;
        const variant = event.data.uiVariant;
        this.uiVariant.set(slot, typeof variant === 'string' ? this.strings.id(variant) : NONE);
        return;
      }
      case 'judgement.committed': {
        const ts = parseTimestamp(event.ts);
        if (flags & F_JUDGEMENT_EVENT && ts < this.judgementTs[slot]!) return;
        this.judgementTs[slot] = ts;
        this.flags[slot] = flags | F_JUDGEMENT_EVENT;
        this.setValue(slot, JUDGEMENT, this.judgementValue, event.data.judgement);
        return;
      }
      case 'recommendation.revealed': {
        const ts = parseTimestamp(event.ts);
        if (flags & F_RECOMMENDATION_EVENT && ts < this.recTs[slot]!) return;
        this.recTs[slot] = ts;
        this.flags[slot] = flags | F_RECOMMENDATION_EVENT;
        this.setRecommendation(slot, event.data.recommendation);
        this.revealedModel.set(slot, this.strings.id(modelKey(event.model)));
        return;
      }
      case 'explanation.viewed': {
        this.panels.set(slot, (this.panels.get(slot) | this.panelBit(event.data.panel)) >>> 0);
        return;
      }
      case 'decision.finalized': {
        const ts = parseTimestamp(event.ts);
        if (flags & F_FINAL) {
          this.flags[slot] = flags | F_REFINALIZED;
          if (ts < this.finalTs[slot]!) return;
        }
        const data = event.data;
        this.finalTs[slot] = ts;
        this.flags[slot] = this.flags[slot]! | F_FINAL;
        this.outcome[slot] = OUTCOME_CODES[data.outcome];
        this.durationMs[slot] = data.durationMs;
        this.setValue(slot, FINAL, this.finalValue, data.final);
        this.context.set(slot, this.contextOf(event));
        this.reasonSet.set(slot, this.reasonSetOf(data.reasons));
        if (!(flags & F_RECOMMENDATION_EVENT)) this.setRecommendation(slot, data.recommendation);
        if (!(flags & F_JUDGEMENT_EVENT)) this.setValue(slot, JUDGEMENT, this.judgementValue, data.judgement);
        return;
      }
      case 'outcome.recorded': {
        const ts = parseTimestamp(event.ts);
        if (flags & F_TRUTH && ts < this.truthTs[slot]!) return;
        this.truthTs[slot] = ts;
        this.flags[slot] = flags | F_TRUTH;
        this.setValue(slot, TRUTH, this.truthValue, event.data.truth);
        return;
      }
      case 'decision.abandoned':
        this.flags[slot] = flags | F_ABANDONED;
        return;
      case 'ai.stopped':
        this.aiStopped++;
        return;
      default:
        return;
    }
  }
}
