import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BatchReceipt } from '@deliberate/core/events';
import { createGrantChecker } from './auth.ts';
import {
  detectFormat,
  MalformedJsonError,
  type BatchFormat,
  type InvalidEntry,
  type ParsedBatch,
} from './batch.ts';
import { createCheckpointer, DEFAULT_CHECKPOINT_INTERVAL_MS, type Checkpointer } from './checkpointer.ts';
import { ingestItems } from './ingest.ts';
import type { CheckpointSigner } from './keys.ts';
import { parseBatchSliced } from './parse-sliced.ts';
import { stderrLogger, type CollectorLogger } from './log.ts';
import {
  supportsCheckpoints,
  type CheckpointQuery,
  type CheckpointStore,
  type EventStore,
  type SinceOptions,
} from './store.ts';
import { MIN_TOKEN_LENGTH, procedureMatcher, SCOPES, type Scope, type TokenGrant } from './tokens.ts';

/** Default request body limit: 5 MiB, about 7 000 events of typical size (~700 bytes). */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Default time {@link Collector.close} waits for in-flight requests before cutting connections. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * After answering 413 the rest of the body is read and discarded, so the client can read the
 * answer (closing a socket with unread data makes the kernel send a reset that can destroy the
 * answer in flight), but only up to this much; then the connection is cut.
 */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

/** Export lines are written in chunks of about this size, so a large export is not one write per event. */
const EXPORT_CHUNK_CHARS = 64 * 1024;

const NDJSON_TYPES = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
]);

/** Options of {@link createCollector}. */
export interface CollectorOptions {
  /** Where events go. {@link Collector.close} closes it (unless `closeStore` is false). */
  store: EventStore;
  /**
   * An accepted bearer token with every scope (`ingest` and `read`). Give `token`, `tokens` or
   * `grants` (any combination).
   */
  token?: string;
  /** Several accepted bearer tokens with every scope, for rotation without downtime. */
  tokens?: readonly string[];
  /**
   * Scoped tokens: each names its scopes (`ingest`: POST events; `read`: export events and
   * checkpoints) and optionally the procedures it may write and read.
   */
  grants?: readonly TokenGrant[];
  /**
   * Signs a receipt for every accepted batch and checkpoints of every changed chain (see
   * `loadSigner`). The store must implement `CheckpointStore`. Without it: no receipts, no
   * checkpoints, `/v1/checkpoints` answers 404.
   */
  signer?: CheckpointSigner;
  /**
   * Time between checkpoint rounds, in milliseconds.
   * @default 60000
   */
  checkpointIntervalMs?: number;
  /**
   * Refuse events whose `actor.id` or `caseRef` is not a pseudonym of the `@deliberate/log`
   * pseudonymiser (`ps:` and 8–64 hex digits), each in the invalid list.
   * @default false
   */
  requirePseudonyms?: boolean;
  /**
   * Largest accepted request body in bytes; larger ones get 413.
   * @default 5 MiB (DEFAULT_MAX_BODY_BYTES)
   */
  maxBodyBytes?: number;
  /**
   * Receives the structured access and error log.
   * @default stderrLogger (JSON lines on standard error)
   */
  logger?: CollectorLogger;
  /**
   * Browser origins allowed to call the API cross-origin (CORS), e.g. `https://app.example`.
   * Exact matches only. Without it no CORS headers are sent, which is right when the app and
   * the collector share an origin through a reverse proxy.
   * @default []
   */
  allowedOrigins?: readonly string[];
  /**
   * How long {@link Collector.close} lets in-flight requests run before cutting their connections.
   * @default 10000
   */
  shutdownTimeoutMs?: number;
  /**
   * Whether {@link Collector.close} also closes the store.
   * @default true
   */
  closeStore?: boolean;
}

/** A collector service: an HTTP server bound to a store. */
export interface Collector {
  /** The underlying server, not yet listening. */
  readonly server: http.Server;
  /**
   * Starts listening and resolves with the bound address (port 0 picks a free port). Rejects
   * with the server error, e.g. `EADDRINUSE`.
   */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /**
   * Graceful shutdown: stops accepting connections at once, lets in-flight requests finish (their
   * answers carry `Connection: close`), cuts what is still open after `shutdownTimeoutMs`, waits
   * for every handler, then closes the store. `/healthz` answers 503 meanwhile. Idempotent.
   */
  close(): Promise<void>;
}

/** The answer to `POST /v1/events`. */
export interface IngestResponse {
  /** Ids stored by this request. */
  stored: string[];
  /** Ids that were already stored with identical content (retries); nothing to do. */
  duplicates: string[];
  /** Events not stored, by position in the batch, with the reasons. Retrying them will not help. */
  invalid: InvalidEntry[];
  /** The signed receipt for what was accepted, when the collector has a signing key. */
  receipt?: BatchReceipt;
}

const WELL_KNOWN_PEM = '/.well-known/deliberate/checkpoint-key.pem';
const WELL_KNOWN_JSON = '/.well-known/deliberate/checkpoint-key.json';
const NO_SIGNER =
  'this collector signs no checkpoints or receipts: start it with --checkpoint-key <file> (deliberate-collector keygen --out <file> makes one)';

type Respond = (status: number, body: unknown, headers?: http.OutgoingHttpHeaders) => void;

/**
 * Creates the collector of docs/contracts.md §3.4: `POST /v1/events`, `GET /v1/events`,
 * `GET /healthz`, bearer-token protected except for `/healthz`.
 *
 * @example
 * const collector = createCollector({ store: openSqliteStore('./deliberate.sqlite'), token });
 * const { port } = await collector.listen(8787, '127.0.0.1');
 * process.once('SIGTERM', () => void collector.close());
 */
export function createCollector(options: CollectorOptions): Collector {
  const { store, signer } = options;
  const grants: TokenGrant[] = [
    ...[...(options.token === undefined ? [] : [options.token]), ...(options.tokens ?? [])].map((token) => ({
      token,
      scopes: SCOPES,
    })),
    ...(options.grants ?? []),
  ];
  const checkToken = createGrantChecker(grants);
  const requirePseudonyms = options.requirePseudonyms ?? false;
  let checkpointer: Checkpointer | undefined;
  let checkpointStore: CheckpointStore | undefined;
  if (signer) {
    if (!supportsCheckpoints(store))
      throw new TypeError(
        'a signer needs a store that implements CheckpointStore (changedHeads, appendCheckpoints, checkpoints)',
      );
    const intervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    if (!Number.isSafeInteger(intervalMs) || intervalMs < 1)
      throw new RangeError('checkpointIntervalMs must be a positive integer');
    checkpointStore = store;
    checkpointer = createCheckpointer(store, signer, intervalMs, options.logger ?? stderrLogger);
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1)
    throw new RangeError('maxBodyBytes must be a positive integer');
  const log = options.logger ?? stderrLogger;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  for (const grant of grants) {
    if (grant.token.length < MIN_TOKEN_LENGTH)
      log({
        level: 'warn',
        msg: 'short bearer token',
        hint: `use at least ${MIN_TOKEN_LENGTH} random characters`,
      });
  }
  checkpointer?.start();

  let shuttingDown = false;
  let closing: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  const server = http.createServer((req, res) => {
    const task = handle(req, res).catch((error: unknown) => {
      log({ level: 'error', msg: 'unhandled error', error: errorMessage(error) });
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
        res.end(JSON.stringify({ error: 'internal_error', message: 'internal error' }));
      } else res.destroy();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  // The whole request must arrive within this time; it also bounds how long a 413 is drained.
  server.requestTimeout = 120_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    const access: Record<string, unknown> = {};
    let path = '(unparsable)';
    res.on('close', () => {
      // No query string in the log: it can carry decision ids.
      log({
        level: 'info',
        msg: 'request',
        method: req.method,
        path,
        // A client that hung up before the answer got none; 200 would be a lie.
        status: res.headersSent ? res.statusCode : null,
        ms: Math.round((performance.now() - started) * 10) / 10,
        remote: req.socket.remoteAddress,
        ...(res.writableFinished ? {} : { aborted: true }),
        ...access,
      });
    });
    res.on('finish', () => {
      // A keep-alive connection whose answer was already under way when close() began becomes
      // idle only now; close it so the server can finish closing.
      if (shuttingDown) setImmediate(() => server.closeIdleConnections());
    });

    const respond: Respond = (status, body, headers = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(shuttingDown ? { Connection: 'close' } : {}),
        ...headers,
      });
      res.end(text);
    };

    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://collector.invalid');
    } catch {
      respond(400, { error: 'bad_request', message: 'the request target is not a valid URL' });
      return;
    }
    path = url.pathname;
    const method = req.method ?? 'GET';

    const origin = req.headers.origin;
    if (origin !== undefined && allowedOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      // Retry-After is not a CORS-safelisted header: without this, a browser's outbox cannot
      // read how long a 503 or 429 asks it to wait, and retries on its own schedule instead.
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
      if (method === 'OPTIONS' && (path === '/v1/events' || path === '/healthz')) {
        // A preflight carries no credentials, so it is answered before the token check.
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }

    if (path === '/healthz') {
      if (method !== 'GET' && method !== 'HEAD') {
        respond(
          405,
          { error: 'method_not_allowed', message: `${method} is not allowed on /healthz` },
          { Allow: 'GET, HEAD' },
        );
      } else if (shuttingDown) respond(503, { status: 'shutting-down' });
      else respond(200, { status: 'ok' });
      return;
    }

    if (path === WELL_KNOWN_PEM || path === WELL_KNOWN_JSON) {
      // The public key is public: a verifier fetches it without a token.
      if (method !== 'GET' && method !== 'HEAD') {
        respond(
          405,
          { error: 'method_not_allowed', message: `${method} is not allowed on ${path}` },
          { Allow: 'GET, HEAD' },
        );
      } else if (!signer) respond(404, { error: 'not_found', message: NO_SIGNER });
      else if (path === WELL_KNOWN_JSON)
        respond(200, { keyId: signer.keyId, publicKey: signer.publicKeyPem });
      else {
        res.writeHead(200, {
          'Content-Type': 'application/x-pem-file',
          'Content-Length': Buffer.byteLength(signer.publicKeyPem),
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(signer.publicKeyPem);
      }
      return;
    }

    // Every other route, known or not, needs the token: unauthenticated callers learn nothing.
    const checked = checkToken(req.headers.authorization);
    const auth = checked.status;
    if (checked.status !== 'ok') {
      respond(
        401,
        {
          error: 'unauthorized',
          message:
            auth === 'missing'
              ? 'missing bearer token: send Authorization: Bearer <token>'
              : 'invalid bearer token',
        },
        {
          'WWW-Authenticate':
            auth === 'missing'
              ? 'Bearer realm="deliberate-collector"'
              : 'Bearer realm="deliberate-collector", error="invalid_token"',
        },
      );
      return;
    }

    const { grant } = checked;
    if (grant.name !== undefined) access['token'] = grant.name;
    const forbidden = (scope: Scope) =>
      respond(403, {
        error: 'forbidden',
        message: `this token lacks the ${scope} scope needed for ${method} ${path}; use a token whose "scopes" include "${scope}"`,
      });

    if (path === '/v1/checkpoints') {
      if (method !== 'GET') {
        respond(
          405,
          { error: 'method_not_allowed', message: `${method} is not allowed on ${path}` },
          { Allow: 'GET' },
        );
      } else if (!grant.scopes.includes('read')) forbidden('read');
      else if (!checkpointer || !checkpointStore)
        respond(404, { error: 'checkpoints_disabled', message: NO_SIGNER });
      else await exportCheckpoints(checkpointer, checkpointStore, url.searchParams, res, respond, access);
      return;
    }
    if (path !== '/v1/events') {
      respond(404, {
        error: 'not_found',
        message: `no route ${path}; the API is POST/GET /v1/events, GET /v1/checkpoints and GET /healthz`,
      });
      return;
    }
    if (method === 'POST') {
      if (!grant.scopes.includes('ingest')) forbidden('ingest');
      else await ingest(req, respond, access, grant);
    } else if (method === 'GET') {
      if (!grant.scopes.includes('read')) forbidden('read');
      else await exportEvents(url.searchParams, res, respond, access, grant);
    } else
      respond(
        405,
        { error: 'method_not_allowed', message: `${method} is not allowed on /v1/events` },
        { Allow: 'GET, POST' },
      );
  }

  /* -----------------------------------------------------------------------------------------------
   * POST /v1/events
   * ---------------------------------------------------------------------------------------------*/

  async function ingest(
    req: http.IncomingMessage,
    respond: Respond,
    access: Record<string, unknown>,
    grant: TokenGrant,
  ): Promise<void> {
    const framing = framingOf(req.headers['content-type']);
    if (typeof framing === 'object') {
      respond(415, { error: 'unsupported_media_type', message: framing.unsupported });
      return;
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      respond(415, {
        error: 'unsupported_media_type',
        message: `Content-Encoding ${encoding} is not supported; send the body uncompressed`,
      });
      return;
    }
    const tooLarge = {
      error: 'payload_too_large',
      message: `the request body exceeds the limit of ${maxBodyBytes} bytes; send smaller batches`,
    };
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > maxBodyBytes) {
      access['bytesIn'] = declared;
      discard(req, declared > maxBodyBytes + MAX_DISCARD_BYTES);
      respond(413, tooLarge);
      return;
    }

    const body = await readBody(req, maxBodyBytes);
    if (body === 'aborted') return; // The client went away; there is no one to answer.
    if (body === 'too-large') {
      access['bytesIn'] = `>${maxBodyBytes}`;
      discard(req, false);
      respond(413, tooLarge);
      return;
    }
    access['bytesIn'] = body.byteLength;

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      respond(400, { error: 'invalid_encoding', message: 'the request body is not valid UTF-8' });
      return;
    }
    if (text.trim() === '' || text.trim() === '\ufeff') {
      respond(400, {
        error: 'empty_body',
        message: 'the request body is empty; send a JSON array or NDJSON of events',
      });
      return;
    }

    let parsed: ParsedBatch;
    try {
      // In slices: a 5 MB body parsed in one piece would hold every other request for ~20 ms.
      parsed = await parseBatchSliced(text, framing === 'detect' ? detectFormat(text) : framing);
    } catch (error) {
      if (!(error instanceof MalformedJsonError)) throw error;
      respond(400, {
        error: 'malformed_json',
        message: error.message,
        line: error.line,
        column: error.column,
        position: error.position,
      });
      return;
    }

    const outcome = await ingestItems(
      parsed.items,
      store,
      { mayWrite: procedureMatcher(grant.procedures), procedures: grant.procedures, requirePseudonyms },
      log,
    );
    if ('unavailable' in outcome) {
      // Slices stored before the failure stay stored; the client's outbox keeps the whole batch
      // and its retry reports them as duplicates.
      log({ level: 'error', msg: 'store failed', error: errorMessage(outcome.unavailable) });
      respond(
        503,
        {
          error: 'storage_unavailable',
          message: 'the events could not be stored; nothing of this batch is acknowledged, retry later',
        },
        { 'Retry-After': '5' },
      );
      return;
    }

    const invalid = [...parsed.invalid, ...outcome.invalid].sort((a, b) => a.index - b.index);
    const accepted = outcome.stored.length + outcome.duplicates.length;
    const status = invalid.length === 0 ? 200 : accepted > 0 ? 207 : 422;
    Object.assign(access, {
      events: parsed.items.length + parsed.invalid.length,
      stored: outcome.stored.length,
      duplicates: outcome.duplicates.length,
      invalid: invalid.length,
    });
    const answer: IngestResponse = { stored: outcome.stored, duplicates: outcome.duplicates, invalid };
    if (signer && status !== 422) {
      answer.receipt = signer.receipt({
        stored: outcome.stored,
        duplicates: outcome.duplicates,
        heads: outcome.heads,
      });
    }
    respond(status, answer);
  }

  /* -----------------------------------------------------------------------------------------------
   * GET /v1/events
   * ---------------------------------------------------------------------------------------------*/

  async function exportEvents(
    params: URLSearchParams,
    res: http.ServerResponse,
    respond: Respond,
    access: Record<string, unknown>,
    grant: TokenGrant,
  ): Promise<void> {
    const query = parseExportQuery(params);
    if ('error' in query) {
      respond(400, { error: 'bad_request', message: query.error });
      return;
    }
    const mayRead = procedureMatcher(grant.procedures);
    const lines = (async function* () {
      for await (const event of store.since(query.since, query.options)) {
        // A token limited to some procedures reads only those.
        if (mayRead(event.procedure)) yield `${JSON.stringify(event)}\n`;
      }
    })();
    await streamNdjson(lines, res, respond, access);
  }

  /* -----------------------------------------------------------------------------------------------
   * GET /v1/checkpoints
   * ---------------------------------------------------------------------------------------------*/

  async function exportCheckpoints(
    signing: Checkpointer,
    source: CheckpointStore,
    params: URLSearchParams,
    res: http.ServerResponse,
    respond: Respond,
    access: Record<string, unknown>,
  ): Promise<void> {
    const query: CheckpointQuery = {};
    for (const key of new Set(params.keys())) {
      const value = params.get(key);
      if (params.getAll(key).length > 1) {
        respond(400, { error: 'bad_request', message: `query parameter ${key} given more than once` });
        return;
      }
      if (key === 'all' && (value === '1' || value === 'true')) query.all = true;
      else if (key === 'all' && (value === '0' || value === 'false')) query.all = false;
      else if (key === 'chain' && value !== '' && value !== null) query.chain = value;
      else {
        respond(400, {
          error: 'bad_request',
          message: `unknown or invalid query parameter ${key}; known: all=1 (every checkpoint), chain=<id>`,
        });
        return;
      }
    }
    try {
      // Sign what changed first, so the answer covers everything stored before the request.
      await signing.round();
    } catch (error) {
      log({ level: 'error', msg: 'checkpoint round failed', error: errorMessage(error) });
      respond(
        503,
        { error: 'storage_unavailable', message: 'the checkpoints could not be signed; retry later' },
        { 'Retry-After': '5' },
      );
      return;
    }
    const lines = (async function* () {
      for await (const checkpoint of source.checkpoints(query)) yield `${JSON.stringify(checkpoint)}\n`;
    })();
    await streamNdjson(lines, res, respond, access);
  }

  /** Streams NDJSON lines with backpressure; cuts the connection if the source fails half-way. */
  async function streamNdjson(
    lines: AsyncIterable<string>,
    res: http.ServerResponse,
    respond: Respond,
    access: Record<string, unknown>,
  ): Promise<void> {
    let count = 0;
    const start = () => {
      if (res.headersSent) return;
      res.writeHead(200, {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(shuttingDown ? { Connection: 'close' } : {}),
      });
    };
    try {
      let chunk = '';
      for await (const line of lines) {
        chunk += line;
        count++;
        if (chunk.length < EXPORT_CHUNK_CHARS) continue;
        start();
        const writable = res.write(chunk);
        chunk = '';
        // Backpressure: wait for the socket rather than buffering the whole export in memory.
        if (!writable) await drained(res);
        if (res.destroyed) break; // The client went away (or shutdown cut the connection).
      }
      if (!res.destroyed) {
        start();
        res.end(chunk);
      }
    } catch (error) {
      log({ level: 'error', msg: 'export failed', error: errorMessage(error) });
      // Once lines went out, the status is sent: cutting the connection (no final chunk) is the
      // only way to tell the client the export is incomplete.
      if (res.headersSent) res.destroy();
      else
        respond(
          503,
          { error: 'storage_unavailable', message: 'the events could not be read; retry later' },
          { 'Retry-After': '5' },
        );
    } finally {
      access['exported'] = count;
    }
  }

  /* -----------------------------------------------------------------------------------------------
   * Lifecycle
   * ---------------------------------------------------------------------------------------------*/

  return {
    server,
    listen(port = 8787, host = '127.0.0.1') {
      return new Promise<AddressInfo>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, host);
      });
    },
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        // server.close stops accepting at once and closes idle keep-alive connections; its
        // callback runs when the last connection has ended.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => {
          log({ level: 'warn', msg: 'shutdown timeout: closing open connections', open: inFlight.size });
          server.closeAllConnections();
        }, shutdownTimeoutMs);
        force.unref();
        await closed;
        clearTimeout(force);
        // A handler may still be awaiting the store after its socket closed; let it finish
        // before the store goes away.
        await Promise.allSettled([...inFlight]);
        if (checkpointer) {
          await checkpointer.stop();
          // A clean stop leaves every chain checkpointed up to what was stored.
          await checkpointer
            .round()
            .catch((error: unknown) =>
              log({ level: 'error', msg: 'checkpoint round failed', error: errorMessage(error) }),
            );
        }
        if (options.closeStore !== false) await store.close();
      })();
      return closing;
    },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

/** The body framing a Content-Type asks for, `detect` when it does not say, or why it is refused. */
function framingOf(contentType: string | undefined): BatchFormat | 'detect' | { unsupported: string } {
  if (contentType === undefined || contentType.trim() === '') return 'detect';
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return { unsupported: `charset ${charset} is not supported; send UTF-8` };
  }
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  if (NDJSON_TYPES.has(mediaType)) return 'ndjson';
  // text/plain is what a browser sends for a string body without a declared type.
  if (mediaType === 'text/plain') return 'detect';
  return {
    unsupported: `Content-Type ${mediaType} is not supported; send application/json (an array of events) or application/x-ndjson (one event per line)`,
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        finish('too-large');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(Buffer.concat(chunks, size)));
    req.once('error', () => finish('aborted'));
    // 'close' after 'end' is a no-op; before it, the client hung up mid-body.
    req.once('close', () => finish('aborted'));
  });
}

/**
 * Reads and drops the rest of a refused body so the client can read our answer; a body beyond
 * {@link MAX_DISCARD_BYTES} (or one declared that large) is not worth reading, and its
 * connection is cut once the answer is written.
 */
function discard(req: http.IncomingMessage, cutNow: boolean): void {
  let discarded = 0;
  const cut = () => {
    req.socket.end();
    req.socket.destroySoon();
  };
  if (cutNow) {
    req.once('error', () => {});
    setImmediate(cut);
    return;
  }
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > MAX_DISCARD_BYTES) cut();
  });
  req.once('error', () => {});
  req.resume();
}

function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;
const EXPORT_PARAMS = new Set(['since', 'limit', 'decisionId', 'chain']);

/**
 * Reads the export query. Unknown parameters are refused: a typo such as `decisionid` would
 * otherwise silently export every decision.
 */
export function parseExportQuery(
  params: URLSearchParams,
): { since: string | null; options: SinceOptions } | { error: string } {
  for (const key of new Set(params.keys())) {
    if (!EXPORT_PARAMS.has(key))
      return { error: `unknown query parameter ${key}; known: ${[...EXPORT_PARAMS].join(', ')}` };
    if (params.getAll(key).length > 1) return { error: `query parameter ${key} given more than once` };
  }
  let since: string | null = null;
  const rawSince = params.get('since');
  if (rawSince !== null) {
    const time = TIMESTAMP.test(rawSince) ? Date.parse(rawSince) : Number.NaN;
    if (Number.isNaN(time)) {
      return {
        error: `since must be an RFC 3339 timestamp with a zone, e.g. 2026-11-22T10:00:00.000Z; got ${JSON.stringify(rawSince)}`,
      };
    }
    // Stored timestamps are UTC with milliseconds and compare as strings; so must this one.
    since = new Date(time).toISOString();
  }
  const options: SinceOptions = {};
  const limit = params.get('limit');
  if (limit !== null) {
    const n = /^\d{1,15}$/.test(limit) ? Number(limit) : 0;
    if (n < 1) return { error: `limit must be a positive integer; got ${JSON.stringify(limit)}` };
    options.limit = n;
  }
  const decisionId = params.get('decisionId');
  if (decisionId !== null) options.decisionId = decisionId;
  const chain = params.get('chain');
  if (chain !== null) options.chain = chain;
  return { since, options };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
