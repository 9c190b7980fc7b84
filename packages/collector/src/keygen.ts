import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from './config.ts';
import { generateSigningKey } from './keys.ts';

/**
 * `deliberate-collector keygen --out <file>`: writes a new Ed25519 private key (PKCS#8 PEM) with
 * mode 0600, refusing to overwrite an existing file (a replaced key orphans every checkpoint
 * signed with the old one), and returns the text to print: the public key PEM and its key id.
 * Throws {@link ConfigError} for bad arguments or an existing file.
 */
export function keygen(argv: readonly string[]): string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { out: { type: 'string' } },
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\nUsage: deliberate-collector keygen --out <file>`);
  }
  const out = values.out;
  if (out === undefined || out === '')
    throw new ConfigError('keygen needs --out <file>: where to write the private key');
  const { privateKeyPem, signer } = generateSigningKey();
  let fd: number;
  try {
    // 'wx': fail if the file exists; 0o600 before anything is written.
    fd = openSync(out, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new ConfigError(
        `${out} already exists; keygen never overwrites a key (checkpoints signed with it would become unverifiable)`,
      );
    throw new ConfigError(`cannot write ${out}: ${(error as Error).message}`);
  }
  try {
    fchmodSync(fd, 0o600); // the umask may have narrowed, never widened, but be explicit
    writeSync(fd, privateKeyPem);
  } finally {
    closeSync(fd);
  }
  return `${signer.publicKeyPem.trimEnd()}\nkeyId: ${signer.keyId}\n`;
}
