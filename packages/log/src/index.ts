/*
 * @deliberate/log — the event pipeline: logger (stamp, pseudonymise, chain), hash-chain
 * verification, sinks (memory, IndexedDB outbox, HTTP batch, OpenTelemetry logs, CDS Hooks
 * feedback, console) and JSONL/CSV export. Runs in browsers and in Node.
 */
export { createLogger } from './logger.ts';
export type { LogInput, Logger, LoggerOptions } from './logger.ts';

export { createChainVerifier, hashEvent, stampAt, stampEvent, verifyChain } from './chain.ts';
export type {
  ChainAnchor,
  ChainBreak,
  ChainBreakKind,
  CheckpointClaim,
  CheckpointVerification,
  CheckpointViolation,
  CheckpointViolationKind,
  ChainSummary,
  ChainVerification,
  ChainVerifier,
  ChainVerifierOptions,
} from './chain.ts';

export {
  DEFAULT_FREE_TEXT_FIELDS,
  DEFAULT_PSEUDONYMIZED_FIELDS,
  MIN_KEY_BYTES,
  createPseudonymizer,
  pseudonymPattern,
} from './pseudonymize.ts';
export type { PseudonymizeOptions, UpstreamPseudonymsOptions } from './pseudonymize.ts';

export {
  ClosedError,
  EventLimitError,
  HttpSinkError,
  InvalidEventError,
  NotPseudonymousError,
  OutboxFullError,
} from './errors.ts';
export type { EventIssue, HttpErrorKind } from './errors.ts';

export { uuidv7FromBytes } from './id.ts';

export { backoffDelay, parseRetryAfter } from './retry.ts';
export type {
  ChainHead,
  DeadLetter,
  EventSink,
  Observable,
  RetryOptions,
  SinkWriteResult,
  Timers,
} from './types.ts';

export { createMemorySink } from './sinks/memory.ts';
export type { MemorySink } from './sinks/memory.ts';
export { createConsoleSink } from './sinks/console.ts';
export type { ConsoleSinkOptions } from './sinks/console.ts';
export { createOutbox } from './sinks/outbox.ts';
export type { LockManagerLike, Outbox, OutboxOptions, OutboxStatus } from './sinks/outbox.ts';
export { createHttpSink, parseCollectorResponse } from './sinks/http.ts';
export type { CollectorResponse, HttpSink, HttpSinkOptions, HttpSinkStatus } from './sinks/http.ts';
export type { FetchLike, HttpRetryOptions } from './sinks/http-common.ts';
export { createOtelSink, toAnyValue, toOtlpLogs } from './sinks/otel.ts';
export type {
  OtelMappingOptions,
  OtelSinkOptions,
  OtlpAnyValue,
  OtlpKeyValue,
  OtlpLogRecord,
  OtlpLogsRequest,
} from './sinks/otel.ts';
export { createCdsHooksFeedbackSink, toCdsHooksFeedback } from './sinks/cds-hooks.ts';
export type { CdsCardRef, CdsHooksFeedback, CdsHooksFeedbackSinkOptions } from './sinks/cds-hooks.ts';

export { toJsonl, parseJsonl } from './export/jsonl.ts';
export type { ParseJsonlOptions, ParsedJsonl } from './export/jsonl.ts';
export { CSV_COLUMNS, csvCell, toCsv } from './export/csv.ts';
