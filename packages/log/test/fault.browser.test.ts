/*
 * The fault test, in a real browser (Debian's Chromium driven by playwright-core): a page logs
 * 5 000 events through createLogger → IndexedDB outbox → HTTP sink to a real collector (SQLite
 * file) while the collector refuses 30 % of the POSTs (503, 429 with Retry-After 0 or 1, a
 * connection dropped before the batch is read, a connection dropped after the batch was stored),
 * is stopped for a while and restarted on the same port and file, and the page is reloaded twice
 * while a batch is in flight; between the first outage and the first reload a poison event (a
 * conflicting copy of a delivered event, written straight into the outbox) sits among the
 * waiting events. In the end the collector holds exactly the 5 000 events — none lost, none
 * twice, the original of the poisoned id untouched — every chain verifies up to the heads the
 * outbox stored, the poison event is in the outbox's dead letters with the collector's reason,
 * and the events logged after it were delivered. The page holds no pseudonymisation key: the
 * test, as the procedure's backend, hands it pseudonyms, and the logger runs in upstream mode.
 *
 * Deterministic by construction, not by timing: the page logs only as far as the test allows;
 * "mid-flush" is made certain by holding the collector's answers (the batch is stored, the answer
 * waits) until the page is reloaded; the outage lasts until the page has seen a failed delivery.
 * Every wait is a condition polled with a deadline; no sleep decides an outcome. The fault draw
 * is a seeded PRNG (which requests it hits depends on timing, the rate does not).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeliberateEvent } from '@deliberate/core';
import { createCollector, openSqliteStore, type Collector, type LogEntry } from '@deliberate/collector';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, launchChromium, servePage, type ServedPage } from '../../../bench/serve-bundle.ts';
import { verifyChain } from '../src/chain.ts';
import { createPseudonymizer } from '../src/pseudonymize.ts';
import type { FaultPageState, FaultPseudonyms } from './fault-page.ts';
import { seededRandom } from '../../../scripts/seeded-random.ts';

const TOTAL = 5_000;
const TOKEN = 'fault-test-token-0123456789abcdef';
/** The backend's key: used in this process only, never given to the page. */
const KEY = 'fault-test-pseudonym-key-0123456789';
/** The event number whose conflicting copy is the poison. */
const POISONED = 10;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type FaultKind = '503' | '429-0' | '429-1' | 'drop-before' | 'drop-after-store';

/**
 * What the collector does to POSTs: refuse 30 % (by a seeded draw), and, while `hold` is on,
 * store the batch but keep the answer back until `release()`.
 */
class Faults {
  readonly random = seededRandom(20261122);
  readonly injected: Record<FaultKind, number> = {
    '503': 0,
    '429-0': 0,
    '429-1': 0,
    'drop-before': 0,
    'drop-after-store': 0,
  };
  posts = 0;
  hold = false;
  held = 0;
  private waiting: (() => void)[] = [];

  release() {
    this.hold = false;
    for (const resume of this.waiting.splice(0)) resume();
  }

  draw(): FaultKind | null {
    const r = this.random();
    if (r < 0.08) return '503';
    if (r < 0.13) return '429-0';
    if (r < 0.18) return '429-1';
    if (r < 0.24) return 'drop-before';
    if (r < 0.3) return 'drop-after-store';
    return null;
  }

  /** Wraps the collector's request handler; the collector itself is untouched. */
  install(collector: Collector, origin: string) {
    const server = collector.server;
    const handler = server.listeners('request')[0] as RequestListener;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST') return handler.call(server, req, res);
      this.posts++;
      const kind = this.draw();
      const cors = {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'Retry-After',
        vary: 'Origin',
        'content-type': 'application/json',
      };
      if (kind) this.injected[kind]++;
      switch (kind) {
        case '503':
          res.writeHead(503, cors).end('{"error":"unavailable"}');
          return;
        case '429-0':
        case '429-1':
          res
            .writeHead(429, { ...cors, 'retry-after': kind === '429-0' ? '0' : '1' })
            .end('{"error":"slow down"}');
          return;
        case 'drop-before':
          req.socket.destroy();
          return;
        case 'drop-after-store':
          // The collector stores the batch; its answer never arrives.
          res.end = (() => {
            res.socket?.destroy();
            return res;
          }) as ServerResponse['end'];
          return handler.call(server, req, res);
        default:
          break;
      }
      if (this.hold) {
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        res.end = ((...args: unknown[]) => {
          this.held++;
          this.waiting.push(() => {
            if (!res.destroyed && !res.socket?.destroyed) end(...args);
          });
          return res;
        }) as ServerResponse['end'];
      }
      return handler.call(server, req, res);
    });
  }
}

describe('the event pipeline in Chromium under faults', () => {
  let dir: string;
  let dbPath: string;
  let served: ServedPage;
  let bundle: string;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let collector: Collector | undefined;
  let port = 0;
  const faults = new Faults();
  const collectorLog: LogEntry[] = [];

  async function startCollector() {
    const next = createCollector({
      store: openSqliteStore(dbPath),
      token: TOKEN,
      allowedOrigins: [served.origin],
      logger: (entry) => collectorLog.push(entry),
      shutdownTimeoutMs: 1_000,
    });
    faults.install(next, served.origin);
    port = (await next.listen(port, '127.0.0.1')).port;
    collector = next;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'deliberate-fault-'));
    dbPath = path.join(dir, 'events.sqlite');
    bundle = await bundleForBrowser(path.join(here, 'fault-page.ts'));
    served = await servePage(bundle, { title: 'fault test' });
    await startCollector();
    chromium = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await collector?.close();
    await served?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with exactly the 5 000 events, each once, every chain intact, nothing raw, the poison in dead letters', async () => {
    const page: Page = await chromium.browser.newPage();
    // The procedure's backend pseudonymises; the page gets the results before any script runs,
    // on every load.
    const pseudonym = createPseudonymizer({ key: KEY });
    const pseudonyms: FaultPseudonyms = {
      actors: Array.from({ length: 7 }, (_, i) => pseudonym(`actor-raw-${i}`)),
      cases: Array.from({ length: TOTAL / 5 }, (_, i) => pseudonym(`case-raw-${i}`)),
    };
    await page.addInitScript((table) => {
      (window as unknown as { __pseudonyms: FaultPseudonyms }).__pseudonyms = table;
    }, pseudonyms);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const state = () =>
      page.evaluate(() => (window as unknown as { __fault: { state: FaultPageState } }).__fault.state);
    const allow = (n: number) =>
      page.evaluate(
        (k) => (window as unknown as { __fault: { allow(n: number): void } }).__fault.allow(k),
        n,
      );
    const whenPage = (what: string, test: (s: FaultPageState) => boolean, timeoutMs?: number) =>
      until(what, async () => test(await state()), timeoutMs);
    /** Errors the page noted: read before each reload, which forgets them. */
    const noted: string[] = [];
    const reloadMidFlush = async (label: string) => {
      const before = await state();
      expect(before.status?.pending, `${label}: events waiting in the outbox`).toBeGreaterThan(0);
      expect(faults.held, `${label}: a stored batch whose answer is held back`).toBeGreaterThan(0);
      noted.push(...before.errors);
      await page.reload();
      faults.release();
      await whenPage(`${label}: the reloaded page is ready`, (s) => s.ready);
    };

    const url = new URL(served.url);
    url.search = new URLSearchParams({
      collector: `http://127.0.0.1:${port}/v1/events`,
      token: TOKEN,
      total: String(TOTAL),
    }).toString();
    await page.goto(url.href);
    await whenPage('the page is ready', (s) => s.ready);

    // 1. Log under faults.
    await allow(1_200);
    await whenPage('1 200 events are accepted', (s) => s.accepted >= 1_200);

    // 1b. Once those are delivered, a poison event: a conflicting copy of a delivered event, in
    //     the outbox ahead of everything logged from now on.
    await whenPage(
      'the first 1 200 are delivered',
      (s) => s.status?.pending === 0 && s.status.state === 'idle',
    );
    const poisonId = await page.evaluate(
      (n) => (window as unknown as { __fault: { poison(n: number): Promise<string> } }).__fault.poison(n),
      POISONED,
    );

    // 2. Hold the collector's answers and reload while a stored batch waits for its answer.
    faults.hold = true;
    faults.held = 0;
    await allow(1_700);
    await whenPage('1 500 events are accepted', (s) => s.accepted >= 1_500);
    await until('an answer is held back', () => faults.held > 0);
    await reloadMidFlush('reload 1');
    const afterFirst = await state();
    expect(afterFirst.loads).toBe(2);
    expect(afterFirst.resumedAt).toBeGreaterThanOrEqual(1_500);

    // 3. Stop the collector, then let the page log on: those events cannot be delivered until
    //    the collector is back on the same port and file, after the page saw a delivery fail.
    await allow(2_200);
    await whenPage('2 200 events are accepted', (s) => s.accepted >= 2_200);
    await collector?.close();
    const failuresBefore = (await state()).failures;
    await allow(2_600);
    await whenPage(
      'the page saw a failed delivery and logged on',
      (s) => s.failures > failuresBefore && s.accepted >= 2_600,
    );
    expect((await state()).status?.pending, 'events wait while the collector is down').toBeGreaterThan(0);
    await startCollector();

    // 4. Reload once more mid-flush.
    faults.hold = true;
    faults.held = 0;
    await allow(3_900);
    await whenPage('3 500 events are accepted', (s) => s.accepted >= 3_500);
    await until('an answer is held back', () => faults.held > 0);
    await reloadMidFlush('reload 2');

    // 5. The rest, then wait until the outbox has delivered everything.
    await allow(TOTAL);
    await whenPage('every event is accepted and delivered', (s) => s.done || s.errors.length > 0, 120_000);
    const final = await state();
    noted.push(...final.errors);
    expect(noted).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The poison event: refused by the collector for itself alone, kept in the dead letters
    // across two reloads, never retried; the page holds no key.
    expect(final.deadLetters).toHaveLength(1);
    expect(final.deadLetters[0]).toMatchObject({ id: poisonId, faultNo: -POISONED });
    expect(final.deadLetters[0]?.errors.join(' ')).toMatch(/already stored with different content/);
    expect(bundle).not.toContain(KEY);
    expect(final.loads).toBe(3);
    expect(final.accepted).toBe(TOTAL);

    // What the collector holds.
    const response = await fetch(`http://127.0.0.1:${port}/v1/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const events = text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as DeliberateEvent);

    expect(events).toHaveLength(TOTAL);
    expect(new Set(events.map((event) => event.id)).size).toBe(TOTAL);
    const numbers = events.map((event) => (event.data as { faultNo?: unknown }).faultNo as number);
    expect(new Set(numbers).size).toBe(TOTAL);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    // The poisoned id holds the original; the 3 800 events logged after the poison are there.
    const original = events.find((event) => event.id === poisonId);
    expect((original?.data as { faultNo?: unknown; poison?: unknown }).faultNo).toBe(POISONED);
    expect(original?.data).not.toHaveProperty('poison');
    expect(numbers.filter((n) => n >= 1_200)).toHaveLength(TOTAL - 1_200);

    // Every chain verifies, in the collector's export order, up to the heads the outbox stored.
    const verification = verifyChain(events, { heads: final.heads });
    expect(verification.breaks).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.duplicates).toBe(0);
    expect(verification.chains.length).toBeGreaterThanOrEqual(1);
    expect(verification.chains.length).toBeLessThanOrEqual(3);

    // Pseudonymised before reaching the page (upstream mode).
    expect(text).not.toMatch(/actor-raw|case-raw/);
    for (const event of events) {
      expect(event.actor.id).toMatch(/^ps:[0-9a-f]{32}$/);
      expect(event.caseRef).toMatch(/^ps:[0-9a-f]{32}$/);
    }

    // The faults did happen, and redelivered batches were recognised as duplicates.
    for (const [kind, count] of Object.entries(faults.injected)) expect(count, kind).toBeGreaterThan(0);
    const rate = Object.values(faults.injected).reduce((a, b) => a + b, 0) / faults.posts;
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.45);
    const duplicates = collectorLog.reduce((sum, entry) => sum + (Number(entry['duplicates']) || 0), 0);
    expect(duplicates).toBeGreaterThan(0);

    console.info(
      `fault test: ${faults.posts} POSTs, injected ${JSON.stringify(faults.injected)}, ` +
        `${duplicates} duplicates de-duplicated, ${verification.chains.length} chain(s): ` +
        verification.chains.map((chain) => `${chain.events} events`).join(', '),
    );
    await page.close();
  }, 180_000);
});
