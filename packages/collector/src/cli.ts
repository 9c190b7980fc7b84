#!/usr/bin/env node
/**
 * `deliberate-collector`: runs the collector service until SIGTERM or SIGINT. See `--help` and
 * README.md. Exit codes: 0 clean stop, 1 runtime error, 2 configuration error.
 * @packageDocumentation
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sqliteModuleProblem } from './bindings.ts';
import { ConfigError, resolveConfig, USAGE } from './config.ts';
import { keygen } from './keygen.ts';
import { stderrLogger } from './log.ts';
import { migrateCommand, retentionCommand } from './pg/admin.ts';
import { SchemaAheadError, SchemaBehindError } from './pg/schema.ts';
import { openPostgresStore } from './pg/store.ts';
import { redactUrl } from './pg/url.ts';
import { createCollector } from './server.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { EventStore } from './store.ts';

const log = stderrLogger;

function fail(message: string, exitCode: number): never {
  process.stderr.write(`deliberate-collector: ${message}\n`);
  process.exit(exitCode);
}

function version(): string {
  // Read at run time: works from src/ (tsx) and dist/ alike, and stays outside tsc's rootDir.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command === 'migrate' || command === 'retention') {
    try {
      const run = command === 'migrate' ? migrateCommand : retentionCommand;
      process.stdout.write(await run(process.argv.slice(3), process.env));
    } catch (error) {
      if (error instanceof ConfigError) fail(error.message, error.exitCode);
      fail(`${command} failed: ${(error as Error).message}`, 1);
    }
    return;
  }
  if (command === 'keygen') {
    try {
      process.stdout.write(keygen(process.argv.slice(3)));
    } catch (error) {
      if (error instanceof ConfigError) fail(error.message, error.exitCode);
      throw error;
    }
    return;
  }
  let config;
  try {
    config = resolveConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, error.exitCode);
    throw error;
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (config === 'version') {
    process.stdout.write(`${version()}\n`);
    return;
  }
  for (const warning of config.warnings) log({ level: 'warn', msg: warning });

  let db: string;
  let store: EventStore;
  if (config.postgres) {
    db = redactUrl(config.postgres.url);
    try {
      store = await openPostgresStore(config.postgres.url, {
        ...(config.postgres.password === undefined ? {} : { password: config.postgres.password }),
        onError: (error) =>
          log({ level: 'warn', msg: 'idle database connection failed', error: error.message }),
      });
    } catch (error) {
      if (error instanceof SchemaBehindError || error instanceof SchemaAheadError) fail(error.message, 2);
      fail(`cannot open database ${db}: ${(error as Error).message}`, 1);
    }
  } else {
    db = path.resolve(config.db);
    try {
      store = openSqliteStore(db);
    } catch (error) {
      // better-sqlite3 without its compiled module (pnpm 10 skipped the build) or built for another Node.
      const native = sqliteModuleProblem(error);
      if (native) fail(native.message, 2);
      const dir = path.dirname(db);
      const hint = existsSync(dir) ? '' : ` (directory ${dir} does not exist)`;
      fail(`cannot open database ${db}${hint}: ${(error as Error).message}`, 1);
    }
  }

  const collector = createCollector({
    store,
    grants: config.grants,
    ...(config.signer ? { signer: config.signer } : {}),
    checkpointIntervalMs: config.checkpointIntervalMs,
    requirePseudonyms: config.requirePseudonyms,
    maxBodyBytes: config.maxBodyBytes,
    allowedOrigins: config.allowedOrigins,
    logger: log,
  });
  let address;
  try {
    address = await collector.listen(config.port, config.host);
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${config.port} on ${config.host} is already in use`, 1);
    if (code === 'EADDRNOTAVAIL') fail(`cannot bind ${config.host}: no such local address`, 1);
    if (code === 'EACCES') fail(`not allowed to bind port ${config.port} on ${config.host}`, 1);
    fail(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`, 1);
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  log({
    level: 'info',
    msg: 'listening',
    url: `http://${host}:${address.port}`,
    port: address.port,
    pid: process.pid,
    db,
    events: await store.count(),
    tokens: config.grants.length,
    tokenSource: config.tokenSource,
    checkpointKeyId: config.signer?.keyId ?? null,
    requirePseudonyms: config.requirePseudonyms,
    version: version(),
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": cut the connections; the database is still closed cleanly.
      log({ level: 'warn', msg: 'second signal: closing open connections', signal });
      collector.server.closeAllConnections();
      return;
    }
    stopping = true;
    log({ level: 'info', msg: 'shutting down', signal });
    collector.close().then(
      () => log({ level: 'info', msg: 'stopped' }),
      (error: unknown) => {
        log({ level: 'error', msg: 'shutdown failed', error: (error as Error).message });
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  log({ level: 'error', msg: 'fatal', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
