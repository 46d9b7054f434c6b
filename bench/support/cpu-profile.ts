import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  readonly file: string;
  /** Milliseconds of samples in the window, (idle) excluded. */
  readonly busyMs: number;
  readonly windowMs: number;
  /** False when the window did not overlap the profile and the whole profile was used. */
  readonly windowed: boolean;
  readonly functions: ReadonlyArray<{ name: string; ms: number; share: number }>;
  readonly areas: ReadonlyArray<{ name: string; ms: number; share: number }>;
  /** Self time per source file (a package's files, node core modules, dist/src files). */
  readonly files: ReadonlyArray<{ name: string; ms: number; share: number }>;
  /**
   * Self time of socket writes by who wrote: on this VM a write to the
   * database's socket cost far more than the bytes suggest (see bench/README.md).
   */
  readonly socketWrites: ReadonlyArray<{ name: string; ms: number; share: number }>;
}

/** The newest .cpuprofile in `dir` (node --cpu-prof writes one when the process exits). */
export function findProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}

/**
 * Self time per function and per package, counting only samples taken inside
 * [fromUs, toUs] (CLOCK_MONOTONIC microseconds, which V8's profile timestamps
 * and process.hrtime share on Linux), so start-up and shutdown are left out.
 */
export function summariseProfile(file: string, fromUs: number, toUs: number, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const windowed = fromUs < profile.endTime && toUs > profile.startTime;
  const [lo, hi] = windowed ? [fromUs, toUs] : [profile.startTime, profile.endTime];

  const perFunction = new Map<string, number>();
  const perArea = new Map<string, number>();
  const perFile = new Map<string, number>();
  const perWriter = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < lo || t > hi) continue;
    const weight = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busy += weight;
    const { name, area, file } = describe(node);
    perFunction.set(name, (perFunction.get(name) ?? 0) + weight);
    perArea.set(area, (perArea.get(area) ?? 0) + weight);
    perFile.set(file, (perFile.get(file) ?? 0) + weight);
    if (node.callFrame.functionName === 'writev' || node.callFrame.functionName === 'writeBuffer') {
      const writer = socketWriter(node.id, byId, parents);
      perWriter.set(writer, (perWriter.get(writer) ?? 0) + weight);
    }
  }
  const rank = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms, share: busy > 0 ? ms / busy : 0 }));
  return {
    file,
    busyMs: busy,
    windowMs: (hi - lo) / 1000,
    windowed,
    functions: rank(perFunction, top),
    areas: rank(perArea, 12),
    files: rank(perFile, top),
    socketWrites: rank(perWriter, 5),
  };
}

/** The first package (or node core / sigap) up the stack of a native socket write that is not Node's stream code. */
function socketWriter(id: number, byId: ReadonlyMap<number, ProfileNode>, parents: ReadonlyMap<number, number>): string {
  for (let at = parents.get(id); at !== undefined; at = parents.get(at)) {
    const node = byId.get(at);
    if (!node) break;
    const { area } = describe(node);
    if (area !== 'node core' && !area.startsWith('(')) return area;
  }
  return '(unknown)';
}

function describe(node: ProfileNode): { name: string; area: string; file: string } {
  const { functionName, url, lineNumber } = node.callFrame;
  const fn = functionName || '(anonymous)';
  if (!url) {
    const area = fn.startsWith('(') ? fn : '(V8 / native)';
    return { name: fn, area, file: area === '(V8 / native)' ? `(native) ${fn}` : area };
  }
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  let area: string;
  let where: string;
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length);
    const parts = rest.split('/');
    area = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    where = rest;
  } else if (file.startsWith('node:')) {
    area = 'node core';
    where = file;
  } else if (file.includes('/dist/src/')) {
    area = 'sigap (dist/src)';
    where = file.slice(file.indexOf('/dist/src/') + 1);
  } else {
    area = path.basename(file);
    where = file;
  }
  return { name: `${fn}  ${where}:${lineNumber + 1}`, area, file: where };
}
