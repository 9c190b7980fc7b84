import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalize } from '../util/hash.ts';

/*
 * Signed checkpoints and batch receipts: the collector's signed statements about what it stored.
 * A hash chain proves order and integrity between its own events, but anyone who can write the
 * store can cut its tail, append correctly linked events, or re-hash it from any event on. A
 * checkpoint — the collector's Ed25519 signature over a chain's head (`chain`, `seq`, `hash`) at a
 * time — anchors the chain up to that head: a later copy that is shorter, differs at the head, or
 * goes on past the last checkpoint shows it. A receipt is the same signature over one accepted
 * batch, handed to the client that sent it.
 *
 * Format of both: a JSON object; `signature` is base64 (standard alphabet, padded) of the Ed25519
 * signature over the UTF-8 bytes of the RFC 8785 canonical JSON of the object without
 * `signature`. `keyId` is the first 16 hex digits of SHA-256 over the raw 32-byte public key.
 * Signing and verifying need Ed25519, which this package leaves to the runtime (node:crypto in the
 * collector and the CLI); this module only fixes the bytes.
 */

/** The version tag of a checkpoint. */
export const CHECKPOINT_SCHEMA = 'deliberate.checkpoint/1';
/** The version tag of a batch receipt. */
export const RECEIPT_SCHEMA = 'deliberate.receipt/1';

/** A chain's head: the last event of the chain the statement covers. */
export interface ChainHead {
  chain: string;
  /** `seq` of the last covered event (the chain's events 0…seq are covered). */
  seq: number;
  /** `hash` of that event. */
  hash: string;
}

/** A signed statement that a chain was stored up to `seq` with head `hash`. */
export interface ChainCheckpoint extends ChainHead {
  schema: typeof CHECKPOINT_SCHEMA;
  /** RFC 3339 UTC time of signing. */
  signedAt: string;
  keyId: string;
  signature: string;
}

/** A signed statement that a batch was accepted (stored now, or stored before: duplicates). */
export interface BatchReceipt {
  schema: typeof RECEIPT_SCHEMA;
  receivedAt: string;
  /** Ids stored by this request. */
  stored: string[];
  /** Ids that were already stored with the same content. */
  duplicates: string[];
  /** For each chain in the batch, the highest accepted event. */
  heads: ChainHead[];
  keyId: string;
  signature: string;
}

/** What is signed: the statement without its signature. */
export type Unsigned<T extends { signature: string }> = Omit<T, 'signature'>;

/**
 * The bytes an Ed25519 signature of a checkpoint or receipt covers: UTF-8 of the RFC 8785
 * canonical JSON of the statement without `signature`.
 *
 * @example
 * const bytes = signingInput(checkpoint);
 * crypto.verify(null, bytes, publicKey, Buffer.from(checkpoint.signature, 'base64'));
 */
export function signingInput(
  statement: Unsigned<ChainCheckpoint> | Unsigned<BatchReceipt> | ChainCheckpoint | BatchReceipt,
): Uint8Array {
  const { signature: _signature, ...rest } = statement as { signature?: string } & Record<string, unknown>;
  return utf8ToBytes(canonicalize(rest));
}

/** The key id of an Ed25519 public key: first 16 hex digits of SHA-256 over its 32 raw bytes. */
export function publicKeyId(rawPublicKey: Uint8Array): string {
  if (rawPublicKey.length !== 32) throw new TypeError('An Ed25519 public key has 32 raw bytes.');
  return bytesToHex(sha256(rawPublicKey)).slice(0, 16);
}
