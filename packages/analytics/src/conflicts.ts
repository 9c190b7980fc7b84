/*
 * The second read of a log file that had conflicts (same event id, other content). A metrics
 * engine created with `firstCopies: 'reread'` keeps only a fingerprint and a digest per id, not
 * where each id's first copy was: conflicts are rare, and 8 bytes per id are 32 MB at 4 million
 * events. When it found conflicts, this reads the log again and hands the engine each conflicting
 * id's first copy — the first line holding a valid event with that id, exactly as the engine
 * decided on the first read — so that the report names both lines and the first copy's decision
 * leaves every metric.
 */
import type { MetricsEngine } from './engine.ts';
import { isBlankLine } from './engine.ts';
import { LogInputError } from './errors.ts';
import type { ReadOptions } from './source.ts';
import { isDeliberateEvent } from './validate.ts';

/** Above this many ids, every line is parsed instead of searched for each id first. */
const SEARCHED_IDS = 32;

/** `readLogLines` of node.ts (passed in, so that this module does not import node.ts back). */
export type LineReader = (
  file: string,
  onLine: (line: string) => void,
  options?: ReadOptions,
) => Promise<number>;

/**
 * Reads `file` again and resolves the engine's unresolved first copies. Does nothing (and reads
 * nothing) when there are none. Throws `LogInputError` when a first copy is not found again: the
 * file changed between the two reads.
 *
 * @example
 * await resolveFirstCopies('events.jsonl', engine, readLogLines);
 */
export async function resolveFirstCopies(
  file: string,
  engine: MetricsEngine,
  readLines: LineReader,
  options: ReadOptions = {},
): Promise<void> {
  const pending = new Set(engine.unresolvedFirstCopies());
  if (pending.size === 0) return;
  const search = pending.size <= SEARCHED_IDS;
  let line = 0;
  await readLines(
    file,
    (text) => {
      line++;
      if (pending.size === 0 || isBlankLine(text)) return;
      // An id may be written with JSON escapes (\u0041), so a line with a backslash is parsed too.
      if (search && !text.includes('\\')) {
        let found = false;
        for (const id of pending) {
          if (text.includes(id)) {
            found = true;
            break;
          }
        }
        if (!found) return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return;
      }
      if (!isDeliberateEvent(value) || !pending.has(value.id)) return;
      pending.delete(value.id);
      engine.resolveFirstCopy(value.id, line, value.decisionId);
    },
    { ...options, onProgress: undefined },
  );
  if (pending.size > 0) {
    throw new LogInputError(
      `${file}: the first copy of event ${[...pending][0]!} was not found when the log was read again for its conflicts; the file changed while it was read.`,
    );
  }
}
