import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * CPU time actually spent by a process (and, for PostgreSQL, its backends),
 * from /proc: on a small shared machine the throughput moves with whatever
 * else runs, while CPU milliseconds per operation stay put and say which
 * process the time goes to. Linux only; elsewhere every reading is null.
 */
const TICK_MS = 1000 / clockTicks();

function clockTicks(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

interface Stat {
  ppid: number;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children that exited and were reaped */
  reaped: number;
}

function readStat(pid: number): Stat | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      own: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      reaped: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/** CPU ms of one process so far (user + system), or null. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  return readStat(pid)?.own ?? null;
}

/**
 * CPU ms of a process and its direct children so far: PostgreSQL's postmaster
 * and its backends. A backend that ends between two readings moves from the
 * live sum into the parent's reaped time, so differences stay right.
 */
export function processTreeCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const root = readStat(pid);
  if (!root) return null;
  let total = root.own + root.reaped;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = readStat(Number(entry));
    if (child && child.ppid === pid) total += child.own;
  }
  return total;
}

/** The bench process itself (the load generator). */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface CpuReading {
  readonly server: number | null;
  readonly postgres: number | null;
  readonly bench: number;
}

export function readCpu(serverPid: number | undefined, postgresPid: number | undefined): CpuReading {
  // The server's tree: with WEB_CONCURRENCY > 1 the work happens in its cluster workers.
  return { server: processTreeCpuMs(serverPid), postgres: processTreeCpuMs(postgresPid), bench: selfCpuMs() };
}

/** CPU ms per operation between two readings; null where a reading is missing. */
export function cpuPerOperation(before: CpuReading, after: CpuReading, operations: number): CpuReading {
  const per = (a: number | null, b: number | null): number | null =>
    a === null || b === null || operations === 0 ? null : (b - a) / operations;
  return {
    server: per(before.server, after.server),
    postgres: per(before.postgres, after.postgres),
    bench: (after.bench - before.bench) / Math.max(1, operations),
  };
}
