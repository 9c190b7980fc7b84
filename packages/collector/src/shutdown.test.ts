import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from './log.ts';
import { createCollector } from './server.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { makeEvents } from './testing/events.ts';
import { startHarness, TEST_TOKEN, type Harness } from './testing/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  if (h) await h.stop();
  h = undefined;
});

/** Starts a POST and sends only the first half of its body; `finish()` sends the rest. */
function startSlowPost(url: string, body: string) {
  const { port } = new URL(url);
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/v1/events',
    headers: {
      authorization: `Bearer ${TEST_TOKEN}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return { response, finish: () => request.end(body.slice(half)), abort: () => request.destroy() };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Collector.close', () => {
  it('lets a request in flight finish with 200 and its events stored, and refuses new connections', async () => {
    h = await startHarness();
    const events = makeEvents(20);
    const arrived = once(h.collector.server, 'request');
    const slow = startSlowPost(h.url, JSON.stringify(events));
    await arrived; // the request is in the handler, waiting for the rest of its body

    let closed = false;
    const closing = h.collector.close().then(() => (closed = true));
    await tick(20);
    expect(closed).toBe(false);
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();

    slow.finish();
    const answer = await slow.response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).stored).toHaveLength(20);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();

    const reopened = openSqliteStore(h.dbPath);
    expect(reopened.count()).toBe(20);
    reopened.close();
  });

  it('answers /healthz with 503 on a connection that was already open', async () => {
    h = await startHarness();
    const { port } = new URL(h.url);
    const accepted = once(h.collector.server, 'connection');
    const socket = net.connect(Number(port), '127.0.0.1');
    await accepted;
    socket.write('GET /healthz HTTP/1.1\r\nHost: collector\r\n');
    await tick(50); // the first header lines have been read: the connection is not idle
    const closing = h.collector.close();
    let raw = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.write('\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    await closing;
    expect(raw).toMatch(/^HTTP\/1\.1 503 /);
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    expect(raw).toContain('{"status":"shutting-down"}');
  });

  it('cuts a request that does not finish within the shutdown timeout, then closes the store', async () => {
    h = await startHarness({ shutdownTimeoutMs: 200 });
    const arrived = once(h.collector.server, 'request');
    const slow = startSlowPost(h.url, JSON.stringify(makeEvents(5)));
    const failed = slow.response.then(
      () => 'answered',
      () => 'cut',
    );
    await arrived;
    const started = performance.now();
    await h.collector.close();
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(await failed).toBe('cut');
    expect(() => h?.store.count()).toThrow(/not open/);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: 'shutdown timeout: closing open connections' }),
    );
  });

  it('is idempotent', async () => {
    h = await startHarness();
    await Promise.all([h.collector.close(), h.collector.close()]);
    await expect(h.collector.close()).resolves.toBeUndefined();
  });

  it('closes (and closes the store) even when it never listened', async () => {
    const store = openSqliteStore(':memory:');
    const collector = createCollector({ store, token: TEST_TOKEN, logger: silentLogger });
    await collector.close();
    expect(() => store.count()).toThrow(/not open/);
  });

  it('leaves the store open with closeStore: false', async () => {
    const store = openSqliteStore(':memory:');
    const collector = createCollector({ store, token: TEST_TOKEN, logger: silentLogger, closeStore: false });
    await collector.listen(0);
    await collector.close();
    expect(store.count()).toBe(0);
    store.close();
  });
});
