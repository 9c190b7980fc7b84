import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  CHECKPOINT_SCHEMA,
  publicKeyId,
  RECEIPT_SCHEMA,
  signingInput,
  type BatchReceipt,
  type ChainCheckpoint,
  type ChainHead,
} from '@deliberate/core/events';

/*
 * The collector's Ed25519 signing key: loading it, making a new one, and signing checkpoints and
 * receipts in the format of `@deliberate/core/events` (signature = base64 of Ed25519 over
 * `signingInput(statement)`).
 */

/** Signs checkpoints and receipts with one Ed25519 key. */
export interface CheckpointSigner {
  /** First 16 hex digits of SHA-256 over the raw 32-byte public key (`publicKeyId`). */
  readonly keyId: string;
  /** The public key as SPKI PEM, as served at `/.well-known/deliberate/checkpoint-key.pem`. */
  readonly publicKeyPem: string;
  /** Signs a chain head now. */
  checkpoint(head: ChainHead, signedAt?: Date): ChainCheckpoint;
  /** Signs a batch receipt. */
  receipt(
    statement: { stored: string[]; duplicates: string[]; heads: ChainHead[] },
    receivedAt?: Date,
  ): BatchReceipt;
}

/** A key file that cannot be used. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/** The raw 32 bytes of an Ed25519 public key. */
function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
}

/** A signer for an Ed25519 private key object. */
export function createSigner(privateKey: KeyObject): CheckpointSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError(
      `the checkpoint key must be an Ed25519 private key (got ${privateKey.asymmetricKeyType ?? privateKey.type})`,
    );
  const publicKey = createPublicKey(privateKey);
  const keyId = publicKeyId(rawPublicKey(publicKey));
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const signature = (bytes: Uint8Array) => sign(null, bytes, privateKey).toString('base64');
  return {
    keyId,
    publicKeyPem,
    checkpoint(head, signedAt = new Date()) {
      const unsigned = {
        schema: CHECKPOINT_SCHEMA,
        chain: head.chain,
        seq: head.seq,
        hash: head.hash,
        signedAt: signedAt.toISOString(),
        keyId,
      } as const;
      return { ...unsigned, signature: signature(signingInput(unsigned)) };
    },
    receipt(statement, receivedAt = new Date()) {
      const unsigned = {
        schema: RECEIPT_SCHEMA,
        receivedAt: receivedAt.toISOString(),
        stored: statement.stored,
        duplicates: statement.duplicates,
        heads: statement.heads,
        keyId,
      } as const;
      return { ...unsigned, signature: signature(signingInput(unsigned)) };
    },
  };
}

/**
 * A signer from a PKCS#8 PEM Ed25519 private key (what `deliberate-collector keygen` writes).
 * Throws {@link SigningKeyError} for anything else.
 */
export function loadSigner(pem: string): CheckpointSigner {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new SigningKeyError(`not a PEM private key: ${(error as Error).message}`);
  }
  return createSigner(key);
}

/** A new Ed25519 key: its PKCS#8 PEM (to store with mode 0600) and its signer. */
export function generateSigningKey(): { privateKeyPem: string; signer: CheckpointSigner } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    signer: createSigner(privateKey),
  };
}
