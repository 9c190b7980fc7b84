/*
 * Putting a TypeScript entry in front of Debian's Chromium: bundle it with esbuild (production
 * build, workspace packages from source through the `@deliberate/source` condition), serve it from
 * 127.0.0.1 (IndexedDB, Web Locks and other web APIs need a real, secure origin; loopback is one),
 * and launch Chromium with the flags the browser tests use. Shared by `bench/browser.ts` and the
 * fault test in packages/log/test.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../.storybook/chromium.ts';

/** Bundles `entry` (TS/TSX) into one ES module for the browser and returns its code. */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: path.join(tmpdir(), 'deliberate-bundle'),
    conditions: ['@deliberate/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!script) throw new Error(`no bundle for ${entry}`);
  return script.text;
}

/** A page served from 127.0.0.1. */
export interface ServedPage {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** `http://127.0.0.1:<port>`: the origin to allow in CORS. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `script` as an ES module from an HTML page at `/` (any path but `/bundle.js` answers the
 * page, so query strings and reloads work).
 */
export async function servePage(script: string, options: { title?: string } = {}): Promise<ServedPage> {
  const title = options.title ?? 'page';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><div id="root"></div><script type="module" src="/bundle.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const js = req.url === '/bundle.js';
    res.writeHead(200, {
      'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(js ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Chromium with a fresh, temporary profile (playwright makes one per `launch` and deletes it on
 * `close`; it refuses a `--user-data-dir` argument).
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return { browser, close: () => browser.close() };
}
