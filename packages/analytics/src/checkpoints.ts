/*
 * Reading the anchors `deliberate verify` holds a log against: signed checkpoints (verified here
 * with node:crypto, so that the chain verifier stays free of it) and known heads.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CHECKPOINT_SCHEMA, publicKeyId, signingInput, type ChainCheckpoint } from '@deliberate/core/events';
import type { ChainAnchor, ChainHead, CheckpointClaim } from '@deliberate/log';
import { LogInputError } from './errors.ts';

/** A checkpoint line that cannot be trusted: bad signature, foreign key, not a checkpoint. */
export interface CheckpointProblem {
  /** 1-based line of the checkpoint file. */
  line: number;
  chain: string | null;
  seq: number | null;
  message: string;
}

/** The checkpoints of a file: the ones whose signature holds, and the ones that do not. */
export interface CheckpointFile {
  /** The first public key's id. */
  keyId: string;
  /** Every public key's id, in the order given. */
  keyIds: string[];
  valid: (CheckpointClaim & { line: number })[];
  problems: CheckpointProblem[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new LogInputError(`cannot read ${what} from ${file}: ${(error as Error).message}`);
  }
}

/**
 * Reads an Ed25519 public key (SPKI PEM, as the collector serves it) and its key id.
 *
 * @example
 * const { key, keyId } = readPublicKey('collector.pub.pem');
 */
export function readPublicKey(file: string): { key: KeyObject; keyId: string } {
  const text = readText(file, 'the public key');
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch (error) {
    throw new LogInputError(
      `the public key in ${file} is not a PEM public key (-----BEGIN PUBLIC KEY-----): ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new LogInputError(
      `the public key in ${file} is ${key.asymmetricKeyType ?? 'of unknown type'}; checkpoints are signed with Ed25519.`,
    );
  }
  const raw = Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
  return { key, keyId: publicKeyId(raw) };
}

function problemOf(line: number, value: unknown, message: string): CheckpointProblem {
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    line,
    chain: typeof object['chain'] === 'string' ? object['chain'] : null,
    seq: typeof object['seq'] === 'number' ? object['seq'] : null,
    message,
  };
}

/** Why a value is not a checkpoint, or null when it has the shape of one. */
function shapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const cp = value as Record<string, unknown>;
  if (cp['schema'] !== CHECKPOINT_SCHEMA) return `schema is not "${CHECKPOINT_SCHEMA}"`;
  if (typeof cp['chain'] !== 'string' || cp['chain'] === '') return 'no chain id';
  const seq = cp['seq'];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    return 'seq is not a whole number ≥ 0';
  if (typeof cp['hash'] !== 'string' || !HEX64.test(cp['hash'])) return 'hash is not 64 hex digits';
  if (typeof cp['signedAt'] !== 'string') return 'no signedAt';
  if (typeof cp['keyId'] !== 'string') return 'no keyId';
  if (typeof cp['signature'] !== 'string' || !BASE64.test(cp['signature'])) return 'signature is not base64';
  return null;
}

/**
 * Reads checkpoints (NDJSON, one per line, as `GET /v1/checkpoints` serves them; a JSON array is
 * accepted too) and verifies each signature against the public key its `keyId` names. Several
 * public keys may be given (key rotation: checkpoints signed by an older key keep verifying with
 * it). A checkpoint with a bad signature, or whose `keyId` names none of the keys given, is a
 * problem naming its line, never used as an anchor.
 *
 * @example
 * const { valid, problems } = readCheckpoints('checkpoints.ndjson', ['2025.pub.pem', '2026.pub.pem']);
 */
export function readCheckpoints(file: string, publicKeyFiles: string | readonly string[]): CheckpointFile {
  const files = typeof publicKeyFiles === 'string' ? [publicKeyFiles] : publicKeyFiles;
  if (files.length === 0) throw new LogInputError('checkpoints need at least one public key.');
  const keys = new Map<string, KeyObject>();
  for (const keyFile of files) {
    const { key, keyId } = readPublicKey(keyFile);
    if (keys.has(keyId)) throw new LogInputError(`the public key in ${keyFile} (${keyId}) is given twice.`);
    keys.set(keyId, key);
  }
  const keyIds = [...keys.keys()];
  const text = readText(file, 'checkpoints');
  let values: { line: number; value: unknown; error?: string }[];
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new LogInputError(`checkpoints in ${file} are not JSON: ${(error as Error).message}`);
    }
    values = (parsed as unknown[]).map((value, i) => ({ line: i + 1, value }));
  } else {
    values = [];
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        values.push({ line: i + 1, value: JSON.parse(raw) });
      } catch {
        values.push({ line: i + 1, value: null, error: 'not JSON' });
      }
    });
  }
  const result: CheckpointFile = { keyId: keyIds[0]!, keyIds, valid: [], problems: [] };
  for (const { line, value, error } of values) {
    const shape = error ?? shapeProblem(value);
    if (shape !== null) {
      result.problems.push(problemOf(line, value, `line ${line} of ${file} is not a checkpoint: ${shape}.`));
      continue;
    }
    const cp = value as ChainCheckpoint;
    const where = `checkpoint at line ${line} (chain ${cp.chain}, seq ${cp.seq}, signed ${cp.signedAt})`;
    const key = keys.get(cp.keyId);
    if (key === undefined) {
      const given =
        keyIds.length === 1
          ? `but the public key given is ${keyIds[0]}`
          : `which is none of the public keys given (${keyIds.join(', ')})`;
      result.problems.push(problemOf(line, cp, `${where} names key ${cp.keyId}, ${given}.`));
      continue;
    }
    if (!verify(null, signingInput(cp), key, Buffer.from(cp.signature, 'base64'))) {
      result.problems.push(
        problemOf(line, cp, `${where} has an invalid signature: it was altered or forged.`),
      );
      continue;
    }
    result.valid.push({ chain: cp.chain, seq: cp.seq, hash: cp.hash, signedAt: cp.signedAt, line });
  }
  return result;
}

/**
 * Reads known heads: a JSON array (or `{ heads: [...] }`, or a `verify --json` result with
 * `chains[].head`) of outbox heads `{ id, seq, prev }` (seq = the next position) or of chain heads
 * `{ chain, seq, hash }` (the last covered event, as in receipts and checkpoints).
 *
 * @example
 * const { heads, anchors } = readHeads('heads.json');
 */
export function readHeads(file: string): { heads: ChainHead[]; anchors: ChainAnchor[] } {
  const text = readText(file, 'heads');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new LogInputError(`heads in ${file} are not JSON: ${(error as Error).message}`);
  }
  let list: unknown = parsed;
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const object = parsed as Record<string, unknown>;
    if (Array.isArray(object['heads'])) list = object['heads'];
    else if (Array.isArray(object['chains']))
      list = (object['chains'] as { head?: unknown }[]).map((chain) => chain.head).filter((h) => h != null);
  }
  if (!Array.isArray(list)) {
    throw new LogInputError(
      `heads in ${file} must be a JSON array of {"id","seq","prev"} or {"chain","seq","hash"} objects.`,
    );
  }
  const heads: ChainHead[] = [];
  const anchors: ChainAnchor[] = [];
  list.forEach((item: unknown, i) => {
    const head = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const seq = head['seq'];
    const validSeq = typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
    if (
      validSeq &&
      typeof head['id'] === 'string' &&
      (head['prev'] === null || typeof head['prev'] === 'string')
    ) {
      heads.push({ id: head['id'], seq, prev: head['prev'] as string | null });
    } else if (validSeq && typeof head['chain'] === 'string' && typeof head['hash'] === 'string') {
      // The last covered event: as a head, the next position is seq + 1.
      heads.push({ id: head['chain'], seq: seq + 1, prev: head['hash'] });
      anchors.push({ chain: head['chain'], seq, hash: head['hash'] });
    } else {
      throw new LogInputError(
        `heads in ${file}: entry ${i + 1} is neither {"id","seq","prev"} nor {"chain","seq","hash"}: ${JSON.stringify(item)?.slice(0, 120)}`,
      );
    }
  });
  return { heads, anchors };
}
