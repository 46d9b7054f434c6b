import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Chromium from the @sparticuz/chromium npm package (unpacked on first use into the temp folder), so
 * `npm install` is the whole set-up on a fresh machine. Our own flags rather than the package's
 * defaults, which switch web security off (a CSP test must see what a real browser sees):
 * --no-sandbox because the suite may run as root (Chromium refuses to start otherwise there).
 */
const FLAGS = [
  '--no-sandbox',
  '--no-zygote',
  '--headless=shell',
  '--disable-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--font-render-hinting=none',
  '--lang=id-ID',
];

/**
 * Where the package unpacked its Chromium. Asked in a child process: the package is ESM only, which
 * Jest's module runtime cannot load on Node 20 (plain Node can).
 */
function chromiumPath(): string {
  const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 }).trim();
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  return puppeteer.launch({
    executablePath,
    args: FLAGS,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // A busy 2-core machine: the first start unpacks and may take a while.
    protocolTimeout: 120_000,
    timeout: 120_000,
  });
}
