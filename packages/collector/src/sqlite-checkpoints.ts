import type Database from 'better-sqlite3';
import type { ChainCheckpoint, ChainHead } from '@deliberate/core/events';
import type { CheckpointQuery, CheckpointStore } from './store.ts';

/*
 * Signed checkpoints in SQLite (schema version 2): an append-only `checkpoints` table and the
 * computation of chain heads. SQLite has one writer, so one collector process signs; see
 * README.md for several instances on PostgreSQL.
 */

/** The tables added by schema version 2. */
export const CHECKPOINT_SCHEMA_SQL = `
CREATE TABLE checkpoints (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  chain                TEXT    NOT NULL,
  seq                  INTEGER NOT NULL,
  hash                 TEXT    NOT NULL,
  signed_at            TEXT    NOT NULL,
  key_id               TEXT    NOT NULL,
  through_received_seq INTEGER NOT NULL,
  json                 TEXT    NOT NULL
);
CREATE INDEX checkpoints_chain ON checkpoints (chain, id);
CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'deliberate checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
  BEGIN SELECT RAISE(ABORT, 'deliberate checkpoints are append-only'); END;
`;

const PAGE_SIZE = 500;

interface HeadRow {
  seq: number;
  hash: string;
}

/** {@link CheckpointStore} with synchronous answers. */
export interface SqliteCheckpoints extends CheckpointStore {
  changedHeads(): { heads: ChainHead[]; mark: number };
  appendCheckpoints(checkpoints: readonly ChainCheckpoint[], mark: number): void;
  checkpoints(query?: CheckpointQuery): Iterable<ChainCheckpoint>;
}

/** The {@link CheckpointStore} methods over an open, migrated database. */
export function sqliteCheckpoints(db: Database.Database): SqliteCheckpoints {
  const markStatement = db.prepare<[], { mark: number | null }>(
    'SELECT max(through_received_seq) AS mark FROM checkpoints',
  );
  const maxReceived = db.prepare<[], { n: number | null }>('SELECT max(received_seq) AS n FROM events');
  const changedChains = db.prepare<[number], { chain: string }>(
    'SELECT DISTINCT chain FROM events WHERE received_seq > ?',
  );
  const lastCheckpoint = db.prepare<[string], HeadRow>(
    'SELECT seq, hash FROM checkpoints WHERE chain = ? ORDER BY id DESC LIMIT 1',
  );
  // Seqs only, from the (chain, seq) index: reading each event's JSON for its hash made a round
  // over a 6,500-event chain hold the event loop for tens of milliseconds.
  const chainTail = db.prepare<[string, number], { seq: number }>(
    'SELECT seq FROM events WHERE chain = ? AND seq > ? ORDER BY seq, received_seq',
  );
  const hashAt = db.prepare<[string, number], { hash: unknown }>(
    `SELECT json_extract(json, '$.hash') AS hash FROM events
     WHERE chain = ? AND seq = ? ORDER BY received_seq LIMIT 1`,
  );
  const insert = db.prepare<[string, number, string, string, string, number, string]>(
    `INSERT INTO checkpoints (chain, seq, hash, signed_at, key_id, through_received_seq, json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const allPage = db.prepare<[number, number], { id: number; json: string }>(
    'SELECT id, json FROM checkpoints WHERE id > ? ORDER BY id LIMIT ?',
  );
  const allOfChain = db.prepare<[string], { json: string }>(
    'SELECT json FROM checkpoints WHERE chain = ? ORDER BY id',
  );
  const latestPage = db.prepare<[string, number], { chain: string; json: string }>(
    `SELECT c.chain, c.json FROM checkpoints c
     JOIN (SELECT chain, max(id) AS id FROM checkpoints WHERE chain > ? GROUP BY chain ORDER BY chain LIMIT ?) l
       ON c.id = l.id
     ORDER BY c.chain`,
  );
  const latestOfChain = db.prepare<[string], { json: string }>(
    'SELECT json FROM checkpoints WHERE chain = ? ORDER BY id DESC LIMIT 1',
  );

  // Chains examined up to this received_seq; kept in memory between rounds, and in the table
  // (through_received_seq) across restarts. Rounds that sign nothing only advance the memory.
  let examined = markStatement.get()?.mark ?? 0;

  /** The head of `chain` after its last checkpoint, if it moved. */
  function headOf(chain: string): ChainHead | undefined {
    const last = lastCheckpoint.get(chain);
    const from = last?.seq ?? -1;
    let head = from;
    let expected = from + 1;
    for (const row of chainTail.iterate(chain, from)) {
      if (row.seq === expected - 1) {
        // Two stored events at one seq: a fork. Cover only what comes before it.
        head = row.seq - 1;
        break;
      }
      if (row.seq !== expected) break; // a gap
      head = row.seq;
      expected++;
    }
    if (head === from) return undefined;
    const hash = hashAt.get(chain, head)?.hash;
    return typeof hash === 'string' ? { chain, seq: head, hash } : undefined;
  }

  const changedHeads = db.transaction((): { heads: ChainHead[]; mark: number } => {
    const mark = maxReceived.get()?.n ?? 0;
    const heads: ChainHead[] = [];
    for (const { chain } of changedChains.all(examined)) {
      const head = headOf(chain);
      if (head) heads.push(head);
    }
    return { heads, mark };
  });

  const append = db.transaction((checkpoints: readonly ChainCheckpoint[], mark: number) => {
    for (const c of checkpoints)
      insert.run(c.chain, c.seq, c.hash, c.signedAt, c.keyId, mark, JSON.stringify(c));
  });

  function* checkpoints(query: CheckpointQuery = {}): Generator<ChainCheckpoint> {
    if (query.chain !== undefined) {
      const rows = query.all
        ? allOfChain.all(query.chain)
        : [latestOfChain.get(query.chain)].filter((row) => row !== undefined);
      for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
      return;
    }
    if (query.all) {
      let cursor = 0;
      for (;;) {
        const rows = allPage.all(cursor, PAGE_SIZE);
        for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
        const last = rows.at(-1);
        if (!last || rows.length < PAGE_SIZE) return;
        cursor = last.id;
      }
    }
    let cursor = '';
    for (;;) {
      const rows = latestPage.all(cursor, PAGE_SIZE);
      for (const row of rows) yield JSON.parse(row.json) as ChainCheckpoint;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      cursor = last.chain;
    }
  }

  return {
    // Deferred: a read transaction, one consistent snapshot in WAL mode.
    changedHeads: () => changedHeads.deferred(),
    appendCheckpoints(list, mark) {
      append.immediate(list, mark);
      examined = Math.max(examined, mark);
    },
    checkpoints,
  };
}
