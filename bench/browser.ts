/*
 * Runs a benchmark entry in Debian's Chromium: the entry (TS/TSX) is bundled with esbuild as a
 * production build, served from 127.0.0.1 (IndexedDB and other web APIs need a real origin), and
 * the page reports its result by setting `window.__benchResult`. The same Chromium flags as the
 * browser tests keep it quiet on a machine without network. (Bundling, serving and launching live
 * in serve-bundle.ts, shared with the browser fault test.) Suites that drive the page themselves
 * (real input through Playwright) open it with `openInBrowser`.
 */
import type { Page } from 'playwright-core';
import { bundleForBrowser, launchChromium, servePage } from './serve-bundle.ts';

/** A bench entry open in Chromium, for suites that drive the page themselves. */
export interface BenchPage {
  page: Page;
  /** Uncaught errors of the page so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Bundles and serves `entry`, opens it in a fresh Chromium and hands over the loaded page. */
export async function openInBrowser(entry: string): Promise<BenchPage> {
  const script = await bundleForBrowser(entry);
  const served = await servePage(script, { title: 'bench' });
  const chromium = await launchChromium().catch(async (error: unknown) => {
    await served.close();
    throw error;
  });
  const close = async () => {
    await chromium.close();
    await served.close();
  };
  try {
    const page = await chromium.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(served.url);
    return { page, errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function runInBrowser<T>(entry: string, options: { timeoutMs?: number } = {}): Promise<T> {
  const { page, errors, close } = await openInBrowser(entry);
  try {
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchResult?: unknown }).__benchResult,
      undefined,
      { timeout: options.timeoutMs ?? 120_000 },
    );
    if (errors.length > 0) throw new Error(`bench page errors: ${errors.join('; ')}`);
    return (await handle.jsonValue()) as T;
  } finally {
    await close();
  }
}
