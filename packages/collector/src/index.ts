/**
 * `@deliberate/collector`: receives event batches over HTTP, stores them idempotently (SQLite by
 * default, PostgreSQL for several instances) and exports them as NDJSON. See README.md for the HTTP contract and operations.
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
  supportsCheckpoints,
  StoreUnavailableError,
  type CheckpointQuery,
  type CheckpointStore,
  type EventStore,
  type InsertConflict,
  type InsertResult,
  type MaybePromise,
  type SinceOptions,
} from './store.ts';
export { openSqliteStore, SQLITE_SCHEMA_VERSION, type SqliteEventStore } from './sqlite-store.ts';
export { openPostgresStore, type PostgresEventStore, type PostgresStoreOptions } from './pg/store.ts';
export {
  migrate as migratePostgres,
  grantAppRole,
  schemaVersion as postgresSchemaVersion,
  MIGRATIONS as POSTGRES_MIGRATIONS,
  PG_SCHEMA_VERSION,
  SchemaAheadError,
  SchemaBehindError,
} from './pg/schema.ts';
export {
  parseRetentionAge,
  runRetention,
  RetentionError,
  type RetentionAge,
  type RetentionReport,
} from './pg/retention.ts';
export {
  isPostgresUrl,
  postgresConnection,
  redactUrl,
  DatabaseUrlError,
  type PostgresConnection,
} from './pg/url.ts';
export {
  detectFormat,
  parseBatch,
  validateItems,
  validateItem,
  formatIssues,
  MalformedJsonError,
  type BatchFormat,
  type BatchItem,
  type InvalidEntry,
  type ParsedBatch,
  type ValidatedBatch,
} from './batch.ts';
export { createTokenChecker, createGrantChecker, type AuthResult, type GrantResult } from './auth.ts';
export {
  parseTokenText,
  procedureMatcher,
  MIN_TOKEN_LENGTH,
  SCOPES,
  TokenFormatError,
  type Scope,
  type TokenGrant,
  type ParsedTokens,
} from './tokens.ts';
export {
  createSigner,
  loadSigner,
  generateSigningKey,
  SigningKeyError,
  type CheckpointSigner,
} from './keys.ts';
export { createCheckpointer, DEFAULT_CHECKPOINT_INTERVAL_MS, type Checkpointer } from './checkpointer.ts';
export {
  ingestItems,
  INGEST_SLICE,
  PSEUDONYM_PATTERN,
  type IngestPolicy,
  type IngestOutcome,
} from './ingest.ts';
export { stderrLogger, silentLogger, type CollectorLogger, type LogEntry, type LogLevel } from './log.ts';
export {
  resolveConfig,
  readTokenFile,
  readSecretFile,
  ConfigError,
  USAGE,
  type CollectorConfig,
} from './config.ts';
