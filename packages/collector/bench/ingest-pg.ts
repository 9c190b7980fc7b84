/**
 * Ingest throughput of the collector on PostgreSQL: the same scenario as `ingest.ts` (a real
 * server on 127.0.0.1, scoped tokens, a signed receipt per batch, checkpoints every second, 4
 * concurrent keep-alive clients) with the PostgreSQL store on a throw-away cluster on loopback
 * (`scripts/postgres-cluster.ts`: `fsync = on`, `synchronous_commit` at its default `on`, so every
 * acknowledged batch was flushed to the write-ahead log first).
 *
 * Run alone: `tsx --conditions=@deliberate/source packages/collector/bench/ingest-pg.ts`
 */
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../../../scripts/postgres-cluster.ts';
import { openPostgresStore } from '../src/index.ts';
import { collectorOver, driveIngest, type IngestOptions, type IngestResult } from './ingest.ts';

/** The result of {@link ingestThroughputPostgres}: {@link IngestResult} and the server's settings. */
export interface PgIngestResult extends IngestResult {
  /** `SHOW synchronous_commit` and `SHOW fsync` of the server measured against. */
  synchronousCommit: string;
  fsync: string;
  /** PostgreSQL's major version. */
  serverVersion: string;
}

/**
 * {@link driveIngest} against a collector whose store is PostgreSQL (a new cluster, removed
 * afterwards). Throws when the server does not flush commits (`synchronous_commit` or `fsync`
 * off), since the figure would then not be the contract's.
 */
export async function ingestThroughputPostgres(options: IngestOptions = {}): Promise<PgIngestResult> {
  const cluster = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    let settings;
    try {
      await admin.query('CREATE DATABASE bench');
      const row = (
        await admin.query<{ sc: string; fsync: string; v: string }>(
          `SELECT current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fsync,
                  current_setting('server_version_num') AS v`,
        )
      ).rows[0];
      settings = {
        synchronousCommit: row?.sc ?? '?',
        fsync: row?.fsync ?? '?',
        serverVersion: String(Math.floor(Number(row?.v ?? 0) / 10_000)),
      };
    } finally {
      await admin.end();
    }
    if (settings.synchronousCommit !== 'on' || settings.fsync !== 'on')
      throw new Error(
        `the benchmark cluster runs with synchronous_commit=${settings.synchronousCommit}, fsync=${settings.fsync}; both must be on`,
      );
    const store = await openPostgresStore(cluster.urlFor({ database: 'bench' }));
    const collector = collectorOver(store);
    try {
      const { port } = await collector.listen(0, '127.0.0.1');
      const result = await driveIngest(port, () => store.count(), options);
      return { ...result, ...settings };
    } finally {
      await collector.close();
    }
  } finally {
    await cluster.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await ingestThroughputPostgres();
  console.log(JSON.stringify(result));
  if (result.eventsPerSecond < 10_000) {
    console.error(`below the target of 10000 events/s`);
    process.exitCode = 1;
  }
}
