import { createHash } from 'node:crypto';

/** Where log lines of the launcher go; pino and console both fit. */
export interface LauncherLogger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Raised for every failure to start; the message says what to do about it. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

export function platformPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `${platform}-${process.arch}`;
}

/** A short stable name for a path, for folders derived from it. */
export function pathDigest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
