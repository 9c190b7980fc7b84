/** A log that cannot be read: missing, a directory, not gzip although it says so, … (CLI exit 2). */
export class LogInputError extends Error {
  override name = 'LogInputError';
}
