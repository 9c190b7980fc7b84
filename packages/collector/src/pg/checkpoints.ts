import type pg from 'pg';
import type { ChainCheckpoint, ChainHead } from '@deliberate/core/events';
import type { CheckpointQuery, CheckpointStore } from '../store.ts';
import { classifyPgError } from './errors.ts';
import { lockKeys } from './schema.ts';

/*
 * Signed checkpoints in PostgreSQL, shared by several collector instances. Only one instance
 * signs at a time: `changedHeads` takes a session advisory lock on a dedicated connection and
 * `appendCheckpoints` releases it; an instance that does not get the lock skips the round
 * (no heads), and the one holding it covers every chain.
 *
 * Which chains changed is decided by transaction id, not by `received_seq`: with several writers,
 * a transaction that drew a lower `received_seq` can commit after one with a higher, so a
 * received_seq high-water mark would skip it. Each event row records the id of the transaction
 * that inserted it (`xid`), and a round examines the rows whose xid is at least the oldest
 * transaction still running when the previous round looked (`pg_snapshot_xmin`), which includes
 * every row committed since.
 */

/** `mark` of a round that did not get the signing lock. */
const SKIPPED = -1;
const PAGE_SIZE = 500;

const HEADS = `
WITH changed AS (
  SELECT DISTINCT chain FROM deliberate_events WHERE xid >= $1::xid8
), base AS (
  SELECT c.chain, coalesce(k.seq, -1) AS from_seq
  FROM changed c LEFT JOIN LATERAL (
    SELECT seq FROM deliberate_checkpoints k WHERE k.chain = c.chain ORDER BY id DESC LIMIT 1
  ) k ON true
), tail AS (
  SELECT b.chain, b.from_seq, e.seq,
         row_number() OVER (PARTITION BY b.chain ORDER BY e.seq, e.received_seq) AS rn
  FROM base b JOIN deliberate_events e ON e.chain = b.chain AND e.seq > b.from_seq
), first_break AS (
  SELECT DISTINCT ON (chain) chain, rn, seq FROM tail WHERE seq <> from_seq + rn ORDER BY chain, rn
), sizes AS (
  SELECT chain, count(*) AS n FROM tail GROUP BY chain
), heads AS (
  SELECT b.chain, b.from_seq,
         CASE WHEN f.rn IS NULL THEN b.from_seq + coalesce(s.n, 0)
              -- two stored events at one seq: a fork; cover only what comes before it
              WHEN f.seq = b.from_seq + f.rn - 1 THEN b.from_seq + f.rn - 2
              -- a gap
              ELSE b.from_seq + f.rn - 1 END AS head
  FROM base b LEFT JOIN first_break f ON f.chain = b.chain LEFT JOIN sizes s ON s.chain = b.chain
)
SELECT h.chain, h.head::text AS seq,
       (SELECT e.hash FROM deliberate_events e WHERE e.chain = h.chain AND e.seq = h.head
        ORDER BY e.received_seq LIMIT 1) AS hash
FROM heads h WHERE h.head > h.from_seq ORDER BY h.chain`;

/** {@link CheckpointStore} over a pool, plus `release` for close. */
export interface PgCheckpoints extends CheckpointStore {
  changedHeads(): Promise<{ heads: ChainHead[]; mark: number }>;
  appendCheckpoints(checkpoints: readonly ChainCheckpoint[], mark: number): Promise<void>;
  checkpoints(query?: CheckpointQuery): AsyncIterable<ChainCheckpoint>;
  /** Gives the signing lock back, if held. */
  release(): Promise<void>;
}

/** The {@link CheckpointStore} methods over a pool of a migrated database. */
export function pgCheckpoints(pool: pg.Pool): PgCheckpoints {
  /** The connection holding the signing lock between changedHeads and appendCheckpoints. */
  let holder: pg.PoolClient | undefined;
  let examined = 0;
  let throughReceived = '0';

  async function unlock(error?: Error): Promise<void> {
    const client = holder;
    holder = undefined;
    if (!client) return;
    if (!error) {
      try {
        await client.query(`SELECT pg_advisory_unlock(${lockKeys('checkpoints')})`);
      } catch (unlockError) {
        error = unlockError as Error;
      }
    }
    // A connection that failed is destroyed, and with it its session lock.
    client.release(error);
  }

  async function changedHeads(): Promise<{ heads: ChainHead[]; mark: number }> {
    try {
      if (!holder) {
        const client = await pool.connect();
        let locked = false;
        try {
          const { rows } = await client.query<{ ok: boolean }>(
            `SELECT pg_try_advisory_lock(${lockKeys('checkpoints')}) AS ok`,
          );
          locked = rows[0]?.ok === true;
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        if (!locked) {
          client.release();
          return { heads: [], mark: SKIPPED };
        }
        holder = client;
      }
      const client = holder;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const state = await client.query<{ xmin: string; received: string | null; stored: string | null }>(
          `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
                  (SELECT max(received_seq)::text FROM deliberate_events) AS received,
                  (SELECT max(through_xid)::text FROM deliberate_checkpoints) AS stored`,
        );
        const row = state.rows[0];
        const from = Math.max(examined, Number(row?.stored ?? 0));
        const { rows } = await client.query<{ chain: string; seq: string; hash: string | null }>(HEADS, [
          String(from),
        ]);
        await client.query('COMMIT');
        throughReceived = row?.received ?? '0';
        const heads: ChainHead[] = [];
        for (const head of rows)
          if (typeof head.hash === 'string')
            heads.push({ chain: head.chain, seq: Number(head.seq), hash: head.hash });
        return { heads, mark: Number(row?.xmin ?? 0) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } catch (error) {
      await unlock(error as Error);
      throw classifyPgError(error);
    }
  }

  async function appendCheckpoints(list: readonly ChainCheckpoint[], mark: number): Promise<void> {
    const client = holder;
    if (mark === SKIPPED || !client) {
      if (list.length > 0)
        throw new Error(
          'appendCheckpoints without the signing lock: call changedHeads first in the same round',
        );
      return;
    }
    let failure: Error | undefined;
    try {
      if (list.length > 0) {
        await client.query(
          `INSERT INTO deliberate_checkpoints (chain, seq, hash, signed_at, key_id, through_received_seq, through_xid, json)
           SELECT chain, seq, hash, signed_at, key_id, $6::bigint, $7::xid8, json
           FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $8::text[])
                WITH ORDINALITY AS t(chain, seq, hash, signed_at, key_id, json, n)
           ORDER BY n`,
          [
            list.map((c) => c.chain),
            list.map((c) => c.seq),
            list.map((c) => c.hash),
            list.map((c) => c.signedAt),
            list.map((c) => c.keyId),
            throughReceived,
            String(mark),
            list.map((c) => JSON.stringify(c)),
          ],
        );
      }
      examined = Math.max(examined, mark);
    } catch (error) {
      failure = error as Error;
      throw classifyPgError(error);
    } finally {
      await unlock(failure);
    }
  }

  async function* checkpoints(query: CheckpointQuery = {}): AsyncGenerator<ChainCheckpoint> {
    const read = async (text: string, values: unknown[]) => {
      try {
        return (await pool.query<{ id: string; chain: string; json: string }>(text, values)).rows;
      } catch (error) {
        throw classifyPgError(error);
      }
    };
    if (query.chain !== undefined) {
      const rows = await read(
        `SELECT id, chain, json FROM deliberate_checkpoints WHERE chain = $1 ORDER BY id ${query.all ? '' : 'DESC LIMIT 1'}`,
        [query.chain],
      );
      for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
      return;
    }
    if (query.all) {
      let cursor = '0';
      for (;;) {
        const rows = await read(
          'SELECT id, chain, json FROM deliberate_checkpoints WHERE id > $1 ORDER BY id LIMIT $2',
          [cursor, PAGE_SIZE],
        );
        for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
        const last = rows.at(-1);
        if (!last || rows.length < PAGE_SIZE) return;
        cursor = last.id;
      }
    }
    let cursor = '';
    for (;;) {
      const rows = await read(
        `SELECT c.id, c.chain, c.json FROM deliberate_checkpoints c
         JOIN (SELECT chain, max(id) AS id FROM deliberate_checkpoints WHERE chain > $1
               GROUP BY chain ORDER BY chain LIMIT $2) l ON c.id = l.id
         ORDER BY c.chain`,
        [cursor, PAGE_SIZE],
      );
      for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      cursor = last.chain;
    }
  }

  return { changedHeads, appendCheckpoints, checkpoints, release: () => unlock() };
}
