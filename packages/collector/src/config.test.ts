import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, readTokenFile, resolveConfig } from './config.ts';
import { DEFAULT_MAX_BODY_BYTES } from './server.ts';

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
    expect(resolveConfig([], { DELIBERATE_TOKEN: 'abc' })).toEqual({
      port: 8787,
      host: '127.0.0.1',
      db: './deliberate.sqlite',
      tokens: ['abc'],
      tokenSource: 'environment DELIBERATE_TOKEN',
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      allowedOrigins: [],
      warnings: [],
    });
  });

  it('lets options win over the environment', () => {
    const file = tokenFile('from-file\n');
    const config = resolveConfig(
      ['--port', '9000', '--db', 'a.sqlite', '--token-file', file, '--allow-origin', 'https://a.example'],
      {
        DELIBERATE_PORT: '8000',
        DELIBERATE_DB: 'b.sqlite',
        DELIBERATE_TOKEN: 'from-env',
        DELIBERATE_HOST: '0.0.0.0',
        DELIBERATE_ALLOW_ORIGINS: 'https://b.example, https://c.example',
      },
    );
    expect(config).toMatchObject({
      port: 9000,
      db: 'a.sqlite',
      host: '0.0.0.0',
      tokens: ['from-file'],
      allowedOrigins: ['https://a.example'],
    });
  });

  it('reads comma-separated origins and the body limit from the environment', () => {
    expect(
      resolveConfig([], {
        DELIBERATE_TOKEN: 'abc',
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
    expect(() => resolveConfig(args, { DELIBERATE_TOKEN: 'abc' })).toThrow(message);
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
  it('reads one token per line and skips blank lines and comments', () => {
    expect(
      readTokenFile(tokenFile('# current\ntoken-a\n\n# previous, until rotation ends\n  token-b  \n')),
    ).toEqual({
      tokens: ['token-a', 'token-b'],
      warnings: [],
    });
  });

  it('warns when group or others can read the file', () => {
    const { warnings } = readTokenFile(tokenFile('token\n', 0o644));
    expect(warnings).toEqual([
      expect.stringMatching(/readable by group or others \(mode 644\); run chmod 600/),
    ]);
  });

  it('refuses a token with whitespace inside', () => {
    expect(() => readTokenFile(tokenFile('two words\n'))).toThrow(/token 1 contains whitespace/);
  });
});
