import type pg from 'pg';

/*
 * Retention by age, an explicit operator command and never implicit. The AI Act (Art. 26(6))
 * requires deployers to keep logs for at least six months, so a shorter cut-off is refused here
 * and, independently, by the database trigger that lets a retention transaction delete only
 * events older than six months.
 */

/** A retention age: `<N>d` (days) or `<N>mo` (calendar months). */
export interface RetentionAge {
  amount: number;
  unit: 'd' | 'mo';
}

/** A retention request that is malformed or under six months. */
export class RetentionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionError';
  }
}

const UNDER_SIX_MONTHS =
  'is under six months; the AI Act (Art. 26(6)) requires keeping logs for at least six months, so the collector refuses it';

/** Parses `--older-than` (`200d`, `6mo`, `24mo`); throws {@link RetentionError}. */
export function parseRetentionAge(text: string): RetentionAge {
  const match = /^(\d{1,5})(d|mo)$/.exec(text.trim());
  if (!match)
    throw new RetentionError(
      `--older-than ${JSON.stringify(text)}: expected a number of days or months, e.g. 200d or 12mo`,
    );
  const age: RetentionAge = { amount: Number(match[1]), unit: match[2] as 'd' | 'mo' };
  // 181 days are under six months on every date; 181–183 days depend on the date (checked in SQL).
  if ((age.unit === 'mo' && age.amount < 6) || (age.unit === 'd' && age.amount < 181))
    throw new RetentionError(`--older-than ${text} ${UNDER_SIX_MONTHS}`);
  return age;
}

/** What a retention run found, or deleted. */
export interface RetentionReport {
  /** The cut-off: events with an earlier `ts` go. */
  cutoff: string;
  events: number;
  chains: number;
  /** Whether they were deleted (`--yes`) or only counted. */
  deleted: boolean;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Counts (`apply` false) or deletes (`apply` true) the events older than `age`, computed from the
 * database server's clock. Deletes events only, never checkpoints. Throws {@link RetentionError}
 * when the cut-off is under six months on today's date.
 */
export async function runRetention(
  client: pg.ClientBase,
  age: RetentionAge,
  apply: boolean,
): Promise<RetentionReport> {
  const interval = `${age.amount} ${age.unit === 'd' ? 'days' : 'months'}`;
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ cutoff: string; allowed: boolean }>(
      `SELECT to_char((now() AT TIME ZONE 'UTC') - $1::interval, ${ISO}) AS cutoff,
              (now() - $1::interval) <= (now() - interval '6 months') AS allowed`,
      [interval],
    );
    const cutoff = rows[0]?.cutoff ?? '';
    if (rows[0]?.allowed !== true)
      throw new RetentionError(
        `--older-than ${age.amount}${age.unit} (before ${cutoff}) ${UNDER_SIX_MONTHS}`,
      );
    let counted;
    if (apply) {
      await client.query("SET LOCAL deliberate.retention = 'on'");
      counted = await client.query<{ events: string; chains: string }>(
        `WITH gone AS (DELETE FROM deliberate_events WHERE ts < $1 RETURNING chain)
         SELECT count(*) AS events, count(DISTINCT chain) AS chains FROM gone`,
        [cutoff],
      );
    } else {
      counted = await client.query<{ events: string; chains: string }>(
        'SELECT count(*) AS events, count(DISTINCT chain) AS chains FROM deliberate_events WHERE ts < $1',
        [cutoff],
      );
    }
    await client.query(apply ? 'COMMIT' : 'ROLLBACK');
    return {
      cutoff,
      events: Number(counted.rows[0]?.events ?? 0),
      chains: Number(counted.rows[0]?.chains ?? 0),
      deleted: apply,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
