/**
 * `@deliberate/collector`: receives event batches over HTTP, stores them idempotently (SQLite by
 * default) and exports them as NDJSON. See README.md for the HTTP contract and operations.
 * @packageDocumentation
 */
export {
  createCollector,
  parseExportQuery,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  type Collector,
  type CollectorOptions,
  type IngestResponse,
} from './server.ts';
export {
  contentDigest,
  serializeEvent,
  type EventStore,
  type InsertConflict,
  type InsertResult,
  type MaybePromise,
  type SinceOptions,
} from './store.ts';
export { openSqliteStore, SQLITE_SCHEMA_VERSION, type SqliteEventStore } from './sqlite-store.ts';
export {
  detectFormat,
  parseBatch,
  validateItems,
  formatIssues,
  MalformedJsonError,
  type BatchFormat,
  type BatchItem,
  type InvalidEntry,
  type ParsedBatch,
  type ValidatedBatch,
} from './batch.ts';
export { createTokenChecker, type AuthResult } from './auth.ts';
export { stderrLogger, silentLogger, type CollectorLogger, type LogEntry, type LogLevel } from './log.ts';
export { resolveConfig, readTokenFile, ConfigError, USAGE, type CollectorConfig } from './config.ts';
