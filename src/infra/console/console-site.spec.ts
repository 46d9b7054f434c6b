import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConsoleSiteError, loadConsoleSite } from './console-site';

describe('console site', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sigap-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sigap</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js.map'), '{}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const RESERVED = ['/graphql', '/attachments', '/webhooks', '/health'];

  it('answers client routes with index.html, revalidated each time', () => {
    const site = loadConsoleSite(dir, RESERVED);
    for (const url of ['/', '/tickets/42', '/new-call?phone=1', '/admin/staff']) {
      const answer = site.answer(url);
      expect(answer?.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer?.headers['cache-control']).toBe('no-cache');
      expect(answer?.body.toString()).toContain('<title>Sigap</title>');
    }
  });

  it('serves hashed assets for a year, and nothing it did not list at boot', () => {
    const site = loadConsoleSite(dir, RESERVED);
    expect(site.answer('/assets/index-abc.js')).toMatchObject({ headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' } });
    expect(site.answer('/assets/index-abc.js.map')).toBeNull();
    expect(site.answer('/assets/old-bundle.js')).toBeNull();
    expect(site.answer('/../package.json')).toBeNull();
    // Not a file of the build: at most the console's own page, never a file outside it.
    expect(site.answer('/%2e%2e/%2e%2e/etc/passwd')?.body.toString()).toContain('<title>Sigap</title>');
    expect(site.answer('/%E0%A4%A')).toBeNull();
  });

  it("never shadows the API's paths", () => {
    const site = loadConsoleSite(dir, RESERVED);
    for (const url of ['/graphql', '/graphql?query={me{id}}', '/attachments/1', '/webhooks/whatsapp', '/health/live']) {
      expect(site.answer(url)).toBeNull();
    }
    expect(site.answer('/graphql-help')?.status).toBe(200);
  });

  it('refuses to boot without a built console, saying how to build one', () => {
    expect(() => loadConsoleSite(path.join(dir, 'nowhere'), RESERVED)).toThrow(ConsoleSiteError);
    expect(() => loadConsoleSite(path.join(dir, 'nowhere'), RESERVED)).toThrow(/npm run build.*CONSOLE_ENABLED=false/s);
  });
});
