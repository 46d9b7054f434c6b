/**
 * Where a server's CPU goes, from a `node --cpu-prof` file: self time by
 * package, by file and by function, and which package's socket writes cost
 * what, per operation when the count is known. `bench:intake -- --cpu-prof`
 * prints it for the measured API run; on its own it reads any profile:
 *
 *   node dist/bench/support/profile-report.js <file.cpuprofile> [--ops <n>] [--top <n>]
 *
 * (`--ops`: operations served while profiled, to print ms per operation; the
 * whole profile is counted, start-up included, unless the bench passes a window.)
 */
import { summariseProfile, type ProfileSummary } from './cpu-profile';

type Row = { name: string; ms: number; share: number };

/** The report's lines; `operations` (served in the profiled window) adds a ms-per-operation column. */
export function formatProfile(profile: ProfileSummary, operations: number | null): string[] {
  const perOp = (ms: number): string => (operations ? `${(ms / operations).toFixed(3).padStart(7)} ms/op` : '');
  const rows = (list: readonly Row[]): string[] =>
    list.map((r) => `  ${(r.share * 100).toFixed(1).padStart(5)} % ${perOp(r.ms)}  ${r.name}`);
  const lines = [
    `Server CPU profile (${profile.file}), ${profile.windowed ? 'measured API run only' : 'WHOLE process (window not found)'}:`,
    `  busy ${profile.busyMs.toFixed(0)} ms of ${profile.windowMs.toFixed(0)} ms wall (one core = 100 %)` +
      (operations ? `, ${operations} operations: ${(profile.busyMs / operations).toFixed(2)} ms busy per operation (profiling adds to it)` : ''),
    '  self time by package:',
    ...rows(profile.areas),
    '  socket writes (native writev/writeBuffer self time) by the package that wrote:',
    ...rows(profile.socketWrites),
    '  hottest files (self time):',
    ...rows(profile.files),
    '  hottest functions (self time):',
    ...rows(profile.functions),
  ];
  return lines;
}

function main(argv: readonly string[]): number {
  const file = argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const flag = (name: string): number | null => {
    const at = argv.indexOf(name);
    const value = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
    return Number.isFinite(value) && value > 0 ? value : null;
  };
  if (!file) {
    process.stderr.write('usage: node dist/bench/support/profile-report.js <file.cpuprofile> [--ops <n>] [--top <n>]\n');
    return 2;
  }
  // An empty window (0, 0) lies before any profile: the whole profile is summarised.
  const summary = summariseProfile(file, 0, 0, flag('--top') ?? 20);
  for (const line of formatProfile(summary, flag('--ops'))) process.stdout.write(`${line}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
