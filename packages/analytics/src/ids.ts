import { FingerprintIndex, fingerprint, fingerprintHi, fingerprintLo } from './fingerprint.ts';

/*
 * The event ids of a log with what is needed to tell a repeat from a conflict: per id a 64-bit
 * digest of the first copy's text, the line it was on and the decision it was folded into.
 * 12 bytes of index per slot (≤ 75 % load) plus 16 bytes per id, in typed arrays.
 */

/** What became of an event id: first seen, an exact repeat, or a copy with other content. */
export const ID_NEW = 0;
export const ID_REPEAT = 1;
export const ID_CONFLICT = 2;

/**
 * A 64-bit digest of a text as 16 hex digits: the portable default (not cryptographic; Node
 * passes SHA-256, see `EngineOptions.digest`).
 */
export function portableDigest(text: string): string {
  fingerprint(text);
  return fingerprintHi().toString(16).padStart(8, '0') + fingerprintLo().toString(16).padStart(8, '0');
}

/**
 * Event ids seen so far.
 *
 * @example
 * const ids = new EventIdTable();
 * if (ids.see(event.id, digest(line), lineNumber) === ID_CONFLICT) ids.firstLine(); // the other copy
 */
export class EventIdTable {
  private readonly index: FingerprintIndex;
  private digestHi: Uint32Array;
  private digestLo: Uint32Array;
  private lines: Uint32Array;
  private slots: Int32Array;
  private last = -1;

  /** @param expected how many ids to make room for before the first growth */
  constructor(expected = 1 << 12) {
    this.index = new FingerprintIndex(expected);
    const capacity = Math.max(16, expected);
    this.digestHi = new Uint32Array(capacity);
    this.digestLo = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  /** Bytes held. */
  get bytes(): number {
    return this.index.bytes + this.digestHi.length * 16;
  }

  /**
   * Records a copy of `id` whose text has the 16-hex-digit `digest`, read at `line`. Returns
   * `ID_NEW` (call `setSlot` next), `ID_REPEAT` or `ID_CONFLICT` (then `firstLine()` and
   * `firstSlot()` tell where the first copy was).
   */
  see(id: string, digest: string, line: number): number {
    return this.seeDigest(
      id,
      parseInt(digest.slice(0, 8), 16) >>> 0,
      parseInt(digest.slice(8, 16), 16) >>> 0,
      line,
    );
  }

  /**
   * `see` with the digest's first 64 bits as two unsigned 32-bit halves (big-endian: `hi` is the
   * first 8 hex digits), as the parallel reader's workers compute them.
   */
  seeDigest(id: string, hi: number, lo: number, line: number): number {
    fingerprint(id);
    const size = this.index.size;
    const at = this.index.indexOf(fingerprintHi(), fingerprintLo());
    this.last = at;
    if (at === size) {
      if (at >= this.digestHi.length) this.grow();
      this.digestHi[at] = hi;
      this.digestLo[at] = lo;
      this.lines[at] = line;
      this.slots[at] = -1;
      return ID_NEW;
    }
    return this.digestHi[at] === hi && this.digestLo[at] === lo ? ID_REPEAT : ID_CONFLICT;
  }

  /** The decision slot the id last returned as `ID_NEW` was folded into. */
  setSlot(slot: number): void {
    this.slots[this.last] = slot;
  }

  /** Line of the first copy of the id last seen. */
  firstLine(): number {
    return this.lines[this.last]!;
  }

  /** Decision slot of the first copy of the id last seen (-1 when it had none). */
  firstSlot(): number {
    return this.slots[this.last]!;
  }

  private grow(): void {
    const capacity = Math.ceil(this.digestHi.length * 1.5);
    const grow = <T extends Uint32Array | Int32Array>(column: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(column);
      return next;
    };
    this.digestHi = grow(this.digestHi, (n) => new Uint32Array(n));
    this.digestLo = grow(this.digestLo, (n) => new Uint32Array(n));
    this.lines = grow(this.lines, (n) => new Uint32Array(n));
    this.slots = grow(this.slots, (n) => new Int32Array(n));
  }
}
