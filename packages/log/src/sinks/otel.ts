import type { DeliberateEvent } from '@deliberate/core';
import type { EventSink, Timers } from '../types.ts';
import { DEFAULT_HTTP_RETRY, resolveFetch, sendWithRetry, statusError, systemTimers } from './http-common.ts';
import type { FetchLike, HttpRetryOptions } from './http-common.ts';

/*
 * OTLP/HTTP with the JSON encoding of the protobuf messages (opentelemetry-proto, logs v1):
 * field names in lowerCamelCase, 64-bit integers as decimal strings, enums as numbers. Small
 * enough to write by hand, so no OpenTelemetry SDK is needed.
 */

/** An OTLP `AnyValue`. */
export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpAnyValue[] } }
  | { kvlistValue: { values: OtlpKeyValue[] } }
  | Record<string, never>;

/** An OTLP `KeyValue`. */
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** An OTLP `LogRecord` as this sink writes it. */
export interface OtlpLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: OtlpAnyValue;
  attributes: OtlpKeyValue[];
}

/**
 * The body of `POST {endpoint}/v1/logs`.
 *
 * @example
 * toOtlpLogs(events).resourceLogs[0]?.scopeLogs[0]?.logRecords.length; // events.length
 */
export interface OtlpLogsRequest {
  resourceLogs: {
    resource: { attributes: OtlpKeyValue[] };
    scopeLogs: { scope: { name: string; version: string }; logRecords: OtlpLogRecord[] }[];
  }[];
}

/**
 * Options for the OTLP mapping and sink.
 *
 * @example
 * createOtelSink({ endpoint: 'http://localhost:4318', resource: { 'service.name': 'benefits-ui' } });
 */
export interface OtelMappingOptions {
  /** Resource attributes. @default { 'service.name': 'deliberate' } */
  resource?: Record<string, string | number | boolean>;
  /** `json`: the event as a JSON string (lossless); `kvlist`: as a structured value. @default 'json' */
  body?: 'json' | 'kvlist';
  /** When the exporter observed the events (ms). @default Date.now() */
  observedAt?: number;
}

/**
 * Options for `createOtelSink`.
 *
 * @example
 * createOtelSink({ endpoint: 'https://otel.example:4318', headers: { authorization: `Bearer ${t}` } });
 */
export interface OtelSinkOptions extends Omit<OtelMappingOptions, 'observedAt'> {
  /** The OTLP/HTTP base URL; `/v1/logs` is appended unless already there. */
  endpoint: string;
  headers?: Record<string, string>;
  fetch?: FetchLike;
  retry?: HttpRetryOptions;
  timeoutMs?: number;
  timers?: Timers;
  random?: () => number;
}

const SCOPE = { name: '@deliberate/log', version: '0.1.0' };
const INFO = { severityNumber: 9, severityText: 'INFO' };
const WARN = { severityNumber: 13, severityText: 'WARN' };
const WARN_TYPES = new Set(['recommendation.invalid', 'ai.stopped', 'decision.abandoned']);

/**
 * Converts a JSON value into an OTLP `AnyValue`.
 *
 * @example
 * toAnyValue({ a: 1 }); // { kvlistValue: { values: [{ key: 'a', value: { intValue: '1' } }] } }
 */
export function toAnyValue(value: unknown): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toAnyValue) } };
  if (typeof value === 'object' && value !== null) {
    return {
      kvlistValue: {
        values: Object.entries(value)
          .filter(([, item]) => item !== undefined)
          .map(([key, item]) => ({ key, value: toAnyValue(item) })),
      },
    };
  }
  return {};
}

function attribute(key: string, value: string | number | boolean | undefined): OtlpKeyValue[] {
  return value === undefined ? [] : [{ key, value: toAnyValue(value) }];
}

function nanos(ms: number): string {
  // Integer milliseconds → nanoseconds as a decimal string, without floating-point error.
  return ms === 0 ? '0' : `${Math.trunc(ms)}000000`;
}

/**
 * Maps events to an OTLP/HTTP JSON logs request: one log record per event, the event as body,
 * and its envelope as `deliberate.*` attributes for filtering.
 *
 * @example
 * const body = toOtlpLogs(events, { resource: { 'service.name': 'benefits-ui' } });
 */
export function toOtlpLogs(
  events: readonly DeliberateEvent[],
  options: OtelMappingOptions = {},
): OtlpLogsRequest {
  const observed = nanos(options.observedAt ?? Date.now());
  const resource = { 'service.name': 'deliberate', ...options.resource };
  const logRecords = events.map((event): OtlpLogRecord => {
    const data = event.data as Record<string, unknown>;
    return {
      timeUnixNano: nanos(Date.parse(event.ts)),
      observedTimeUnixNano: observed,
      ...(WARN_TYPES.has(event.type) ? WARN : INFO),
      body: options.body === 'kvlist' ? toAnyValue(event) : { stringValue: JSON.stringify(event) },
      attributes: [
        ...attribute('deliberate.event.id', event.id),
        ...attribute('deliberate.event.type', event.type),
        ...attribute('deliberate.event.schema', event.schema),
        ...attribute('deliberate.decision.id', event.decisionId),
        ...attribute('deliberate.procedure', event.procedure),
        ...attribute('deliberate.case.ref', event.caseRef),
        ...attribute('deliberate.actor.id', event.actor.id),
        ...attribute('deliberate.actor.role', event.actor.role),
        ...attribute('deliberate.model.id', event.model?.id),
        ...attribute('deliberate.model.version', event.model?.version),
        ...attribute('deliberate.chain.id', event.chain),
        ...attribute('deliberate.chain.seq', event.seq),
        ...attribute('deliberate.event.hash', event.hash),
        ...attribute('deliberate.outcome', typeof data.outcome === 'string' ? data.outcome : undefined),
      ],
    };
  });
  return {
    resourceLogs: [
      {
        resource: {
          attributes: Object.entries(resource).map(([key, value]) => ({ key, value: toAnyValue(value) })),
        },
        scopeLogs: [{ scope: SCOPE, logRecords }],
      },
    ],
  };
}

/**
 * Creates an OpenTelemetry logs exporter (OTLP/HTTP, JSON encoding) that POSTs to
 * `{endpoint}/v1/logs`. Retries what the OTLP spec calls retryable (429, 502, 503, 504, network
 * errors), honouring `Retry-After`; other answers fail the write. To keep OTLP outages from
 * failing `log()`, put this sink behind its own outbox.
 *
 * @example
 * const otel = createOutbox({ dbName: 'deliberate-otel', transport: createOtelSink({ endpoint }) });
 * createLogger({ sinks: [outbox, otel], pseudonymize: { upstream: true } });
 */
export function createOtelSink(options: OtelSinkOptions): EventSink {
  const doFetch = resolveFetch(options.fetch);
  const timers = options.timers ?? systemTimers;
  const base = options.endpoint.replace(/\/+$/, '');
  const url = base.endsWith('/v1/logs') ? base : `${base}/v1/logs`;
  const receiver = 'The OTLP endpoint';
  return {
    async write(events) {
      if (events.length === 0) return;
      const body = toOtlpLogs(events, {
        ...(options.resource ? { resource: options.resource } : {}),
        ...(options.body ? { body: options.body } : {}),
        observedAt: timers.now(),
      });
      const response = await sendWithRetry({
        fetch: doFetch,
        url,
        body: JSON.stringify(body),
        headers: { ...options.headers, 'content-type': 'application/json' },
        retry: { ...DEFAULT_HTTP_RETRY, ...options.retry },
        timers,
        random: options.random ?? Math.random,
        timeoutMs: options.timeoutMs ?? 30_000,
        retryable: (code) => code === 429 || code === 502 || code === 503 || code === 504,
        receiver,
      });
      // A 2xx may report a partial success; rejected records are not retryable per the spec.
      if (!response.ok) throw statusError(receiver, response, false, timers.now());
    },
  };
}
