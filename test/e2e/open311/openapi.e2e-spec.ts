import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Open311Controller } from '../../../src/core/open311';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { BASE } from './open311-client';

// The served OpenAPI document against the running routes, both ways: every
// documented path and method is a route of the running server, and every
// route of the Open311 controller (but the catch-all) is documented.

type Fastify = { hasRoute(route: { method: string; url: string }): boolean };

/** `/requests/{service_request_id}.{format}` → `/open311/v2/requests/:service_request_id.:format` */
const toFastifyPath = (path: string): string => `${BASE}${path.replace(/\{([^}]+)\}/g, ':$1')}`;

/** The controller's routes as Nest registers them: `GET /open311/v2/requests/:id.:format`. */
function controllerRoutes(): Array<{ method: string; path: string }> {
  const prefix = Reflect.getMetadata(PATH_METADATA, Open311Controller) as string;
  return Object.getOwnPropertyNames(Open311Controller.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => (Open311Controller.prototype as unknown as Record<string, unknown>)[name])
    .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map((handler) => ({ method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number], path: `/${prefix}/${Reflect.getMetadata(PATH_METADATA, handler) as string}` }));
}

describe('the Open311 OpenAPI document', () => {
  let t: TestApp;
  let doc: { openapi: string; servers: Array<{ url: string }>; paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get(`${BASE}/openapi.json`);
    expect(res.status).toBe(200);
    doc = JSON.parse(res.text);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => t?.close(), BOOT_TIMEOUT_MS);

  it('is OpenAPI 3 for the /open311/v2 server', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers).toEqual([{ url: BASE }]);
  });

  it('documents only routes the server has', () => {
    const fastify = t.app.getHttpAdapter().getInstance() as Fastify;
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), url: toFastifyPath(path) })));
    expect(documented.length).toBeGreaterThanOrEqual(10);
    for (const route of documented) expect({ ...route, exists: fastify.hasRoute(route) }).toEqual({ ...route, exists: true });
  });

  it('documents every route of the controller but the catch-all', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${toFastifyPath(path)}`)));
    const routes = controllerRoutes().filter((r) => !r.path.endsWith('/*'));
    expect(routes.length).toBe(documented.size);
    for (const r of routes) expect(documented).toContain(`${r.method} ${r.path}`);
  });
});
