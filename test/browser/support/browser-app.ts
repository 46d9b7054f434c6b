import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { loadTestEnv } from '../../../config/test.config';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { launchBrowser } from './browser';
import { CONSOLE_DIST, ensureConsoleBuilt } from './console-build';

/** The page's DOM, as far as the callbacks run inside the page need it (the test code itself has no DOM types). */
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
interface PageElement {
  readonly innerText: string;
}

/** A console user: signed in through the sign-in screen like a person. */
export interface ConsoleUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly opdCode?: string;
}

export interface BrowserApp {
  readonly app: TestApp;
  /** The server's only source of time (the browser's own clock is not moved by it). */
  readonly clock: ManualClock;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A staff account with a real password (created through the API as an admin). */
  createUser(role: string, options?: { opdCode?: string; username?: string; languages?: string[] }): Promise<ConsoleUser>;
  /** A fresh browser profile (its own storage: another person at another desk) with a screenshot recorder. */
  openSession(name: string): Promise<ConsoleSession>;
  close(): Promise<void>;
}

/**
 * One person's browser: a page, and a recorder of what the test did in it. Every keystroke and click goes
 * through here, so a test can say how many a task took; every `step` saves a screenshot.
 */
export class ConsoleSession {
  keystrokes = 0;
  clicks = 0;
  private shots = 0;

  constructor(
    readonly name: string,
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly baseUrl: string,
    private readonly shotsDir: string,
  ) {}

  async goto(pathname: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${pathname}`, { waitUntil: 'networkidle0' });
  }

  /** Types into the focused element, one keystroke per character. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.keystrokes += [...text].length;
  }

  /** One key (Tab, Enter, ArrowDown…), optionally with a modifier: a chord counts as one keystroke. */
  async press(key: string, modifier?: 'Control' | 'Alt' | 'Shift'): Promise<void> {
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
    if (modifier) await this.page.keyboard.up(modifier);
    this.keystrokes += 1;
  }

  async click(selector: string): Promise<void> {
    await this.page.locator(selector).click();
    this.clicks += 1;
  }

  /** Waits until the page shows `text` somewhere (in `selector`, default the whole body). */
  async waitForText(text: string, selector = 'body'): Promise<void> {
    await this.page.waitForFunction(
      (sel: string, t: string) => Array.from(document.querySelectorAll(sel)).some((el) => el.innerText.includes(t)),
      { timeout: 60_000 },
      selector,
      text,
    );
  }

  async text(selector: string): Promise<string> {
    return this.page.$eval(selector, (el) => (el as unknown as PageElement).innerText);
  }

  /**
   * Saves a screenshot named after the step: `<session>-NN-<name>.png`; of one element when `selector`
   * is given (a long admin list would otherwise make a picture too tall to read in the README).
   */
  async step(name: string, selector?: string): Promise<string> {
    this.shots += 1;
    const file = path.join(this.shotsDir, `${this.name}-${String(this.shots).padStart(2, '0')}-${name}.png`);
    const element = selector ? await this.page.waitForSelector(selector) : null;
    if (element) await element.screenshot({ path: file });
    else await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Signs in through the sign-in screen (counted like any other keystroke). */
  async signIn(user: ConsoleUser): Promise<void> {
    await this.goto('/');
    await this.page.waitForSelector('#username');
    await this.page.focus('#username');
    await this.type(user.username);
    await this.press('Tab');
    await this.type(user.password);
    await this.press('Enter');
    await this.page.waitForSelector('[data-testid="signed-in-as"]', { timeout: 60_000 });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

const ADMIN = { userId: 'browser-admin', role: 'ADMIN' };

/**
 * The built console on the real server (the production factory, a database of its own copied from the
 * migrated template, a manual clock), listening on a free loopback port, and a headless Chromium.
 * Screenshots go to a folder printed at the start; it is removed when every test of the file passed,
 * unless BROWSER_SCREENSHOTS_DIR names a folder to keep them in.
 */
export async function startBrowserApp(
  scenario: string,
  clock = new ManualClock(),
  /** More of the server's configuration, e.g. a channel's secrets and a fake platform's URL. */
  env: Record<string, string> = {},
): Promise<BrowserApp> {
  ensureConsoleBuilt();
  // The outbox relay runs (woken by NOTIFY at each commit) so that subscriptions reach the browsers.
  const app = await startTestApp(
    { CONSOLE_ENABLED: 'true', CONSOLE_DIR: CONSOLE_DIST, AUTH_SCRYPT_LOG_N: '10', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', DELIVERY_RELAY_ENABLED: 'true', ...env },
    clock,
  );
  await app.app.listen(0, '127.0.0.1');
  const { port } = (app.app.getHttpServer() as Server).address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const keep = loadTestEnv().screenshotsDir;
  const shotsDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), `sigap-browser-${scenario}-`));
  mkdirSync(shotsDir, { recursive: true });
  process.stdout.write(`[browser] ${scenario}: screenshots in ${shotsDir}\n`);
  let failed = false;
  const browser = await launchBrowser();
  let users = 0;

  return {
    app,
    clock,
    baseUrl,
    browser,
    async createUser(role, options = {}) {
      users += 1;
      const username = options.username ?? `${role.toLowerCase().replace(/_/g, '-')}-${users}`;
      const res = await app.gql<{ createStaffUser: { temporaryPassword: string } }>(
        `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { temporaryPassword } }`,
        { input: { username, displayName: username, role, opdCode: options.opdCode ?? null, languages: options.languages ?? null } },
        ADMIN,
      );
      const password = res.body.data?.createStaffUser.temporaryPassword;
      if (!password) throw new Error(`createStaffUser ${username}: ${JSON.stringify(res.body.errors)}`);
      return { username, password, role, opdCode: options.opdCode };
    },
    async openSession(name) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      page.on('pageerror', (error) => {
        failed = true;
        process.stderr.write(`[browser] ${name}: page error: ${String(error)}\n`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') process.stderr.write(`[browser] ${name}: console error: ${message.text()}\n`);
      });
      return new ConsoleSession(name, page, context, baseUrl, shotsDir);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
      if (!keep && !failed && !lastTestFailed()) rmSync(shotsDir, { recursive: true, force: true });
      else process.stdout.write(`[browser] ${scenario}: screenshots kept in ${shotsDir}\n`);
    },
  };
}

/** Set by the tier's test environment when a test or hook of the file failed (browser-environment.ts). */
function lastTestFailed(): boolean {
  return (globalThis as { __sigapBrowserFailed?: boolean }).__sigapBrowserFailed === true;
}
