import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The built console (console/dist) served at `/`, on the API's origin, without a static-file plug-in:
 * the build is a handful of files (well under a megabyte), so they are read once at boot and answered
 * from memory. Only the files listed at boot can be answered: no request path ever reaches the file
 * system, so there is no traversal to guard against. A client route (`/tickets/42`) gets index.html
 * (the console's router takes it from there); the API's own paths are never shadowed.
 */

/** Why the console cannot be served: the boot stops with this message. */
export class ConsoleSiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsoleSiteError';
  }
}

/** One answer of the site. */
export interface ConsoleAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite puts content-hashed files under /assets/: a new build has new names, so they may be kept a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always asked again. */
const REVALIDATE = 'no-cache';

export interface ConsoleSite {
  /** The answer for a GET/HEAD of `url`, or null: not the console's (the API's 404 applies). */
  answer(url: string): ConsoleAnswer | null;
}

/**
 * Reads the built console. Throws {@link ConsoleSiteError} when `dir` holds no index.html.
 *
 * @example
 * const site = loadConsoleSite('/srv/sigap/console/dist', ['/graphql', '/attachments']);
 * site.answer('/tickets/42')?.headers['content-type']; // 'text/html; charset=utf-8' (the SPA's index.html)
 * site.answer('/graphql'); // null
 */
export function loadConsoleSite(dir: string, reservedPrefixes: readonly string[]): ConsoleSite {
  const index = path.join(dir, 'index.html');
  let indexFile: Buffer;
  try {
    indexFile = readFileSync(index);
  } catch {
    throw new ConsoleSiteError(
      `CONSOLE_DIR: no built console at ${index}. Build it with \`npm run build\` (or \`npm --prefix console run build\`), ` +
        'point CONSOLE_DIR at a built console, or set CONSOLE_ENABLED=false to run the API alone.',
    );
  }
  const files = new Map<string, ConsoleAnswer>();
  for (const file of listFiles(dir)) {
    const urlPath = '/' + path.relative(dir, file).split(path.sep).join('/');
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) continue; // source maps, stray files: not served
    const cache = urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
    files.set(urlPath, { status: 200, headers: { 'content-type': type, 'cache-control': cache }, body: readFileSync(file) });
  }
  const spa: ConsoleAnswer = { status: 200, headers: { 'content-type': TYPES['.html'], 'cache-control': REVALIDATE }, body: indexFile };
  const reserved = (p: string): boolean => reservedPrefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}.`));

  return {
    answer(url) {
      const p = safeDecode(url.split('?', 1)[0] ?? '/');
      if (p === null || reserved(p)) return null;
      const file = files.get(p);
      if (file) return file;
      // A missing asset or file (a stale tab asking for an old bundle): a 404, not index.html as script.
      if (p.startsWith('/assets/') || path.posix.extname(p) !== '') return null;
      return spa;
    },
  };
}

function safeDecode(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}
