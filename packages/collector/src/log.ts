/*
 * Operational logging. Lines describe requests (method, path, status, sizes, counts), never
 * event content, query strings or tokens: the events are personal data held as evidence, and
 * the service log has other readers and a shorter retention.
 */

/** Severity of a log line. */
export type LogLevel = 'info' | 'warn' | 'error';

/** One structured log line. `msg` is a stable word or phrase (`request`, `listening`, …). */
export interface LogEntry {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

/** Receives log lines; the default writes JSON lines to standard error. */
export type CollectorLogger = (entry: LogEntry) => void;

/**
 * Writes each entry as one JSON line to standard error, with a `time` field first, so that
 * journald, Docker or any log shipper can parse it.
 */
export const stderrLogger: CollectorLogger = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** Discards everything; for tests and embedding where the host logs elsewhere. */
export const silentLogger: CollectorLogger = () => {};
