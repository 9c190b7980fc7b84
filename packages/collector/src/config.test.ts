import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, readTokenFile, resolveConfig } from './config.ts';
import { DEFAULT_MAX_BODY_BYTES } from './server.ts';

const TOKEN_A = 'token-a-0123456789abcdef0123456789abcdef';
const TOKEN_B = 'token-b-0123456789abcdef0123456789abcdef';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deliberate-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tokenFile(content: string, mode = 0o600): string {
  const file = path.join(dir, 'token');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('resolveConfig', () => {
  it('uses the documented defaults', () => {
    expect(resolveConfig([], { DELIBERATE_TOKEN: TOKEN_A })).toEqual({
      port: 8787,
      host: '127.0.0.1',
      db: './deliberate.sqlite',
      grants: [{ token: TOKEN_A, scopes: ['ingest', 'read'] }],
      tokenSource: 'environment DELIBERATE_TOKEN',
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      allowedOrigins: [],
      checkpointIntervalMs: 60_000,
      requirePseudonyms: false,
      warnings: [expect.stringMatching(/^DELIBERATE_TOKEN holds one token with both scopes/)],
    });
  });

  it('lets options win over the environment', () => {
    const file = tokenFile(`${TOKEN_A}\n`);
    const config = resolveConfig(
      ['--port', '9000', '--db', 'a.sqlite', '--token-file', file, '--allow-origin', 'https://a.example'],
      {
        DELIBERATE_PORT: '8000',
        DELIBERATE_DB: 'b.sqlite',
        DELIBERATE_TOKEN: TOKEN_B,
        DELIBERATE_HOST: '0.0.0.0',
        DELIBERATE_ALLOW_ORIGINS: 'https://b.example, https://c.example',
      },
    );
    expect(config).toMatchObject({
      port: 9000,
      db: 'a.sqlite',
      host: '0.0.0.0',
      grants: [{ token: TOKEN_A, scopes: ['ingest', 'read'] }],
      allowedOrigins: ['https://a.example'],
    });
  });

  it('reads comma-separated origins and the body limit from the environment', () => {
    expect(
      resolveConfig([], {
        DELIBERATE_TOKEN: TOKEN_A,
        DELIBERATE_ALLOW_ORIGINS: 'https://b.example, https://c.example',
        DELIBERATE_MAX_BODY_BYTES: '1000',
      }),
    ).toMatchObject({ allowedOrigins: ['https://b.example', 'https://c.example'], maxBodyBytes: 1000 });
  });

  it('returns help and version requests', () => {
    expect(resolveConfig(['--help'], {})).toBe('help');
    expect(resolveConfig(['-v'], {})).toBe('version');
  });

  it.each([
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--max-body-bytes', '5MB'], /--max-body-bytes must be an integer/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('refuses %j', (args, message) => {
    expect(() => resolveConfig(args, { DELIBERATE_TOKEN: TOKEN_A })).toThrow(message);
  });

  it('refuses to start without a token, with exit code 2', () => {
    const error = (() => {
      try {
        resolveConfig([], {});
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
  });
});

describe('readTokenFile', () => {
  it('reads the old one-token-per-line format, gives each token both scopes and warns how to migrate', () => {
    const file = tokenFile(`# current\n${TOKEN_A}\n\n# previous, until rotation ends\n  ${TOKEN_B}  \n`);
    const { grants, legacy, warnings } = readTokenFile(file);
    expect(grants).toEqual([
      { token: TOKEN_A, scopes: ['ingest', 'read'] },
      { token: TOKEN_B, scopes: ['ingest', 'read'] },
    ]);
    expect(legacy).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('uses the old one-token-per-line format')]);
    expect(warnings[0]).toContain('"scopes": ["ingest"]');
  });

  it('reads a JSON token file with scopes, procedures and names, without warnings', () => {
    const file = tokenFile(
      JSON.stringify({
        tokens: [
          { name: 'browser', token: TOKEN_A, scopes: ['ingest'], procedures: ['housing-benefit.*'] },
          { name: 'export', token: TOKEN_B, scopes: ['read'] },
        ],
      }),
    );
    expect(readTokenFile(file)).toEqual({
      grants: [
        { name: 'browser', token: TOKEN_A, scopes: ['ingest'], procedures: ['housing-benefit.*'] },
        { name: 'export', token: TOKEN_B, scopes: ['read'] },
      ],
      legacy: false,
      warnings: [],
    });
  });

  it.each([
    [{ tokens: [] }, /expected \{ "tokens": \[ … \] \} with at least one token/],
    [{ tokens: [{ token: TOKEN_A, scopes: ['write'] }] }, /tokens\[0\]: unknown scope "write"/],
    [{ tokens: [{ token: TOKEN_A }] }, /tokens\[0\]: "scopes" must be a non-empty array/],
    [
      { tokens: [{ token: TOKEN_A, scopes: ['read'], procedures: ['a.*.b'] }] },
      /procedure pattern "a\.\*\.b"/,
    ],
    [{ tokens: [{ token: TOKEN_A, scopes: ['read'], role: 'x' }] }, /unknown field role/],
    [
      {
        tokens: [
          { token: TOKEN_A, scopes: ['read'] },
          { token: TOKEN_A, scopes: ['ingest'] },
        ],
      },
      /tokens\[1\] repeats a token/,
    ],
  ])('refuses the JSON token file %j with a specific message', (content, message) => {
    expect(() => readTokenFile(tokenFile(JSON.stringify(content)))).toThrow(message);
  });

  it('refuses a file that group or others can read, unless insecure (then warns)', () => {
    const file = tokenFile(`${TOKEN_A}\n`, 0o644);
    expect(() => readTokenFile(file)).toThrow(
      /accessible to group or others \(mode 644\); run chmod 600 .*--insecure-allow-weak-tokens/,
    );
    expect(readTokenFile(file, true).warnings).toContainEqual(
      expect.stringMatching(/mode 644.*allowed by --insecure-allow-weak-tokens/),
    );
  });

  it('refuses a token shorter than 32 characters, unless insecure (then warns)', () => {
    const file = tokenFile(`${'x'.repeat(31)}\n${TOKEN_A}\n`);
    expect(() => readTokenFile(file)).toThrow(/token 1 has 31 characters; tokens need at least 32/);
    expect(readTokenFile(file, true).warnings).toContainEqual(
      expect.stringMatching(/token 1 has 31 characters.*allowed by --insecure-allow-weak-tokens/),
    );
    const named = tokenFile(
      JSON.stringify({ tokens: [{ name: 'kiosk', token: 'abc', scopes: ['ingest'] }] }),
    );
    expect(() => readTokenFile(named)).toThrow(/token "kiosk" has 3 characters/);
  });

  it('refuses a short DELIBERATE_TOKEN unless insecure', () => {
    expect(() => resolveConfig([], { DELIBERATE_TOKEN: 'abc' })).toThrow(
      /DELIBERATE_TOKEN: token 1 has 3 characters/,
    );
    expect(resolveConfig(['--insecure-allow-weak-tokens'], { DELIBERATE_TOKEN: 'abc' })).toMatchObject({
      grants: [{ token: 'abc' }],
    });
  });

  it('refuses a token with whitespace inside', () => {
    expect(() => readTokenFile(tokenFile('two words\n'))).toThrow(/token 1 contains whitespace/);
  });
});

describe('checkpoint options', () => {
  it('refuses a key file that is not an Ed25519 private key, or readable by others', () => {
    const key = path.join(dir, 'key.pem');
    writeFileSync(key, 'not a key');
    chmodSync(key, 0o600);
    expect(() => resolveConfig(['--checkpoint-key', key], { DELIBERATE_TOKEN: TOKEN_A })).toThrow(
      /checkpoint key .*key\.pem: not a PEM private key/,
    );
    chmodSync(key, 0o640);
    expect(() => resolveConfig(['--checkpoint-key', key], { DELIBERATE_TOKEN: TOKEN_A })).toThrow(
      /checkpoint key .*key\.pem is accessible to group or others \(mode 640\)/,
    );
  });

  it('reads the interval in seconds and the pseudonym guard', () => {
    expect(
      resolveConfig(['--checkpoint-interval', '5', '--require-pseudonyms'], { DELIBERATE_TOKEN: TOKEN_A }),
    ).toMatchObject({ checkpointIntervalMs: 5000, requirePseudonyms: true });
    expect(
      resolveConfig([], { DELIBERATE_TOKEN: TOKEN_A, DELIBERATE_REQUIRE_PSEUDONYMS: '1' }),
    ).toMatchObject({ requirePseudonyms: true });
    expect(() => resolveConfig(['--checkpoint-interval', '0'], { DELIBERATE_TOKEN: TOKEN_A })).toThrow(
      /--checkpoint-interval must be an integer from 1 to 86400/,
    );
  });
});
