import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../../config/app.config';
import { ENABLED_OPD_MODULES } from '../../config/opd-modules';
import type { OpdModuleDefinition } from '../core/opd';
import { AppModule } from '../app.module';
import type { Clock } from '../core/shared/clock';

/**
 * Builds the Nest application exactly as production runs it; e2e tests use
 * this same function, so they exercise the real pipes, limits and filters.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  overrides: { clock?: Clock; opdModules?: readonly OpdModuleDefinition[] } = {},
): Promise<INestApplication> {
  const module = AppModule.forRoot({ config, databaseUrl, opdModules: ENABLED_OPD_MODULES, ...overrides });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    // Throw instead of exiting: the caller reports the reason and stops the embedded database.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: `${config.http.bodyLimitKb}kb` });
  app.disable('x-powered-by');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  return app;
}
