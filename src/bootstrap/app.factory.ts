import { INestApplication, ValidationPipe } from '@nestjs/common';
import { SaneInputPipe } from '../infra/graphql/sane-input.pipe';
import { NestFactory } from '@nestjs/core';
import multipart from '@fastify/multipart';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { requestIdFor } from '../infra/logging/logging.module';
import type { MetricsScope } from '../infra/metrics/metrics.exposition';
import { httpMetricsHook } from '../infra/metrics/http-metrics.hook';
import { MetricsRegistry } from '../infra/metrics/metrics.registry';
import { securityHeadersHook } from '../infra/security/security-headers';
import { loadConsoleSite } from '../infra/console/console-site';
import type { AppConfig } from '../../config/app.config';
import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import type { OpdModuleDefinition } from '../core/opd';
import { open311HttpHooks } from '../core/open311';
import { ChannelIntake, ChannelMetrics, channelWebhookRoutes } from '../core/channel';
import { AppExceptionFilter } from './app-exception.filter';
import { AppModule } from './app.module';
import type { Clock } from '../infra/clock/clock';

/**
 * Builds the Nest application exactly as production runs it; e2e tests use
 * this same function, so they exercise the real pipes, limits and filters.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  overrides: { clock?: Clock; opdModules?: readonly OpdModuleDefinition[]; metricsScope?: MetricsScope } = {},
): Promise<INestApplication> {
  const module = AppModule.forRoot({ config, databaseUrl, opdModules: ENABLED_OPD_MODULES, ...overrides });
  // Fastify, not Express: measured here, the HTTP layer was a large share of a
  // create's CPU (bench/README.md).
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitKb * 1024,
    genReqId: requestIdFor,
    // requestIdFor reads the header itself, refusing unsafe values.
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    // Throw instead of exiting: the caller reports the reason and stops the embedded database.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // POST /attachments: streamed multipart, its own size limit (ATTACHMENT_MAX_KB) instead of the
  // JSON body limit; one file and a few small fields per request. The route reads the file itself.
  // Cast: @nestjs/platform-fastify carries its own copy of fastify's types (same 5.x at run time).
  await app.register(multipart as unknown as Parameters<NestFastifyApplication['register']>[0], {
    limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 1024, headerPairs: 100 },
  });
  // The platforms' webhooks (/webhooks/meta, /webhooks/telegram/:botId): a plugin of their own that keeps
  // the raw body bytes (Meta signs them) and has its own body limit (CHANNEL_WEBHOOK_BODY_LIMIT_KB).
  // Cast: the plugin types only the parts of Fastify it uses (no direct fastify dependency).
  const webhookRoutes: unknown = channelWebhookRoutes(app.get(ChannelIntake), config.channels, app.get(ChannelMetrics));
  await app.register(webhookRoutes as Parameters<NestFastifyApplication['register']>[0]);
  // Every answer names its request, so a caller can quote it in a report.
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // Every request's duration by route template and status class, errors (404, 413) included.
  adapter.getInstance().addHook('onResponse', httpMetricsHook(app.get(MetricsRegistry)));
  // nosniff, no framing, no referrer, HSTS, a strict CSP (but for the sandbox
  // page) and no-store, on every answer: errors such as 413 included.
  adapter.getInstance().addHook(
    'onSend',
    securityHeadersHook({ graphqlPath: '/graphql', sandboxPage: config.graphql.sandbox, consolePages: config.console.enabled }),
  );
  if (config.console.enabled) serveConsole(adapter, config.console.dir);
  // Open311's own body limit (fitting the spec, below the GraphQL one) and CORS, before the body is read.
  const open311 = open311HttpHooks(config.open311);
  adapter.getInstance().addHook('onRequest', async (request, reply) => open311.onRequest(request, reply));
  // GraphQL errors go to Apollo's formatter and logging plugin, not Nest's error-level log;
  // errors under /open311/v2 become the spec's `errors` body.
  app.useGlobalFilters(new AppExceptionFilter(app.getHttpAdapter()));
  app.useGlobalPipes(
    // First: text and dates the database cannot take never reach a validator or a query.
    new SaneInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  return app;
}

/** The API's paths: never answered by the console, whatever routes exist today under them. */
const API_PATHS = ['/graphql', '/attachments', '/webhooks', '/health', '/metrics', '/open311'];

/**
 * The built console at `/` (same origin as /graphql, so its CSP needs no other origin): a GET the API has
 * no route for gets a console file or, for a client route, index.html; the API's paths keep their 404.
 */
function serveConsole(adapter: FastifyAdapter, dir: string): void {
  const site = loadConsoleSite(dir, API_PATHS);
  // A wildcard route ranks below every static and parametric route Nest registers.
  adapter.getInstance().get('/*', async (request, reply) => {
    const answer = site.answer(request.url);
    if (!answer) return reply.callNotFound();
    return reply.status(answer.status).headers(answer.headers).send(answer.body);
  });
}
