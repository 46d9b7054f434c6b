import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../../config/app.config';

export const CONSOLE_ROOT = path.join(PROJECT_ROOT, 'console');
export const CONSOLE_DIST = path.join(CONSOLE_ROOT, 'dist');

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    latest = Math.max(latest, stat.isDirectory() ? newest(full) : stat.mtimeMs);
  }
  return latest;
}

/**
 * The browser tests drive the console as built for production. It is built here when there is no build,
 * or when its sources or the schema changed after the last one (so a test never runs an old bundle);
 * on a fresh clone that is `npm ci` and then any test command.
 */
export function ensureConsoleBuilt(): void {
  const index = path.join(CONSOLE_DIST, 'index.html');
  const sources = Math.max(
    newest(path.join(CONSOLE_ROOT, 'src')),
    statSync(path.join(PROJECT_ROOT, 'schema.gql')).mtimeMs,
    statSync(path.join(CONSOLE_ROOT, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const run = spawnSync('npm', ['--prefix', CONSOLE_ROOT, 'run', '-s', 'build'], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`Building the console failed (npm --prefix console run build):\n${run.stdout}\n${run.stderr}`);
  }
}
