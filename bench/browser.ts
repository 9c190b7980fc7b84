/*
 * Runs a benchmark entry in Debian's Chromium: the entry (TS/TSX) is bundled with esbuild as a
 * production build, served from 127.0.0.1 (IndexedDB and other web APIs need a real origin), and
 * the page reports its result by setting `window.__benchResult`. The same Chromium flags as the
 * browser tests keep it quiet on a machine without network.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../.storybook/chromium.ts';

export async function runInBrowser<T>(entry: string, options: { timeoutMs?: number } = {}): Promise<T> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: path.join(tmpdir(), 'deliberate-bench'),
    conditions: ['@deliberate/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!script) throw new Error(`bench: no bundle for ${entry}`);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><div id="root"></div><script type="module" src="/bench.js"></script></body></html>';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script.contents);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'deliberate-chromium-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, `--user-data-dir=${userDataDir}`],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchResult?: unknown }).__benchResult,
      undefined,
      { timeout: options.timeoutMs ?? 120_000 },
    );
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return (await handle.jsonValue()) as T;
  } finally {
    await browser.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
