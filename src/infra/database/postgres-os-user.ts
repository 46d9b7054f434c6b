import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmbeddedPostgresError, LauncherLogger, pathDigest, platformPackage } from './embedded-postgres.shared';

/** Which binaries to run, as whom, on which data directory. */
export interface PostgresAccess {
  readonly bin: { readonly postgres: string; readonly initdb: string };
  readonly dataDir: string;
  readonly uid?: number;
  readonly gid?: number;
  /** Spread into spawn options: empty unless we are root. */
  readonly spawnIds: { uid?: number; gid?: number };
}

const OS_USER = 'postgres';
// Both fallbacks sit under a world-searchable folder that survives reboots.
const FALLBACK_ROOT = '/var/tmp/sigap-embedded-pg';

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` OS
 * user (created when missing), which must be able to reach both the binaries
 * in node_modules and the data directory. A clone under a 0700 folder (e.g.
 * `mktemp -d`, /root) blocks that; instead of failing we copy the binaries and
 * move the data to a reachable folder and say so, naming the folder that
 * blocked and the fix.
 */
export function resolvePostgresAccess(
  options: { dataDir: string },
  logger: LauncherLogger,
): PostgresAccess {
  const bin = locateBinaries();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    makeDataDir(options.dataDir);
    return { bin, dataDir: options.dataDir, spawnIds: {} };
  }

  const { uid, gid } = ensureOsUser();
  const ids = { uid, gid };

  let reachableBin = bin;
  if (!canRun(bin.postgres, ids)) {
    const native = path.resolve(path.dirname(bin.postgres), '..');
    const copy = path.join(FALLBACK_ROOT, `bin-${pathDigest(native)}`);
    if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
      fs.mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
      fs.cpSync(native, `${copy}.tmp`, { recursive: true, verbatimSymlinks: true });
      fs.renameSync(`${copy}.tmp`, copy);
    }
    reachableBin = { postgres: path.join(copy, 'bin', 'postgres'), initdb: path.join(copy, 'bin', 'initdb') };
    logger.warn(
      `The ${OS_USER} user cannot reach ${native} (${blocker(native)} is not searchable by others); ` +
        `running PostgreSQL from a copy in ${copy}.`,
    );
    if (!canRun(reachableBin.postgres, ids)) {
      throw new EmbeddedPostgresError(`The ${OS_USER} user cannot run ${reachableBin.postgres} either. Set DATABASE_URL to use another PostgreSQL.`);
    }
  }

  let dataDir = options.dataDir;
  makeDataDir(dataDir);
  fs.chownSync(dataDir, uid, gid);
  if (!canWrite(dataDir, ids)) {
    const moved = path.join(FALLBACK_ROOT, `data-${pathDigest(dataDir)}`);
    const blocking = blocker(dataDir);
    logger.warn(
      `The ${OS_USER} user cannot reach ${dataDir} (${blocking} is not searchable by others); ` +
        `keeping the embedded database in ${moved} instead. To keep it in the project, ` +
        `run "chmod o+x ${blocking}" or set EMBEDDED_PG_DIR to a reachable folder.`,
    );
    dataDir = moved;
    fs.mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
    makeDataDir(dataDir);
    fs.chownSync(dataDir, uid, gid);
  }
  if (!canWrite(dataDir, ids)) {
    throw new EmbeddedPostgresError(`The ${OS_USER} user cannot write ${dataDir}. Set EMBEDDED_PG_DIR or DATABASE_URL.`);
  }
  return { bin: reachableBin, dataDir, uid, gid, spawnIds: ids };
}

// Parents get the usual mode (a 0700 parent would lock the postgres user out);
// only the data folder itself is private, as PostgreSQL demands.
function makeDataDir(dir: string): void {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function locateBinaries(): { postgres: string; initdb: string } {
  const pkg = `@embedded-postgres/${platformPackage()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries for this platform (${pkg}) are not installed. ` +
        `Run "npm ci" (optional dependencies must not be omitted), or set DATABASE_URL.`,
    );
  }
  const native = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return { postgres: path.join(native, 'postgres'), initdb: path.join(native, 'initdb') };
}

function ensureOsUser(): { uid: number; gid: number } {
  const lookup = (): { uid: number; gid: number } | null => {
    const uid = spawnSync('id', ['-u', OS_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', OS_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', OS_USER], { stdio: 'pipe' });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root and no "${OS_USER}" user exists; creating one failed ` +
        `(${(error as Error).message.split('\n')[0]}). Create it, run as another user, or set DATABASE_URL.`,
    );
  }
  const created = lookup();
  if (!created) throw new EmbeddedPostgresError(`Created the "${OS_USER}" user but cannot look it up.`);
  return created;
}

function canRun(binary: string, ids: { uid: number; gid: number }): boolean {
  return spawnSync(binary, ['--version'], { ...ids, stdio: 'ignore' }).status === 0;
}

function canWrite(dir: string, ids: { uid: number; gid: number }): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -w "$1"', 'sh', dir], ids).status === 0;
}

/** The nearest ancestor that others cannot search (mode without o+x). */
function blocker(target: string): string {
  let dir = path.dirname(path.resolve(target));
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return chain.find((folder) => (fs.statSync(folder).mode & 0o001) === 0) ?? 'a parent folder';
}
