import pino, { Logger } from 'pino';
import type { AppConfig } from '../../../config/app.config';
import type { LauncherLogger } from '../database/embedded-postgres.shared';

/**
 * The logger of the start and stop sequence, before Nest (and its request
 * logger) exists and after it is gone. Same level and format as the app's.
 */
export function createBootstrapLogger(config: Pick<AppConfig, 'log'>): Logger {
  return pino({
    level: config.log.level,
    name: 'sigap',
    transport:
      config.log.format === 'pretty'
        ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
        : undefined,
  });
}

export function asLauncherLogger(logger: Logger): LauncherLogger {
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    debug: (message) => logger.debug(message),
  };
}
