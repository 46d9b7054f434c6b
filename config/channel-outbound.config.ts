/**
 * Settings of the channel's outbound side (replies and milestones to
 * citizens; docs/channels.md), read by {@link loadChannelOutboundConfig}
 * inside `loadAppConfig`. Where the platforms are and their tokens are
 * `ChannelConfig` (config/channels.config.ts), shared with the intake side.
 */
export interface ChannelOutboundConfig {
  /** The dispatcher that sends queued messages: on by default; tests drive it themselves unless they ask. */
  readonly dispatcherEnabled: boolean;
  /** The backstop interval; a committed queue row wakes the dispatchers at once (LISTEN/NOTIFY). */
  readonly pollMs: number;
  /** Sends in flight per instance. */
  readonly concurrency: number;
  /** One platform call's time limit. */
  readonly timeoutMs: number;
  /** Attempts before a retryable failure is dead-lettered (a permanent one is at once). */
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

/**
 * Validates the outbound variables; returns the settings and a list of
 * problems, each naming its variable.
 *
 * @example
 * loadChannelOutboundConfig({ CHANNEL_DISPATCHER_ENABLED: 'false' }).config.dispatcherEnabled; // false
 */
export function loadChannelOutboundConfig(env: Record<string, string | undefined>): { config: ChannelOutboundConfig; problems: string[] } {
  const problems: string[] = [];
  const retryBaseMs = whole(env, 'CHANNEL_RETRY_BASE_MS', 5_000, 10, 3_600_000, problems);
  return {
    config: {
      dispatcherEnabled: bool(env, 'CHANNEL_DISPATCHER_ENABLED', true, problems),
      pollMs: whole(env, 'CHANNEL_DISPATCH_POLL_MS', 1_000, 50, 60_000, problems),
      concurrency: whole(env, 'CHANNEL_DISPATCH_CONCURRENCY', 8, 1, 128, problems),
      timeoutMs: whole(env, 'CHANNEL_SEND_TIMEOUT_MS', 15_000, 100, 120_000, problems),
      maxAttempts: whole(env, 'CHANNEL_SEND_MAX_ATTEMPTS', 8, 1, 100, problems),
      retryBaseMs,
      retryMaxMs: Math.max(retryBaseMs, whole(env, 'CHANNEL_RETRY_MAX_MS', 3_600_000, 10, 86_400_000, problems)),
    },
    problems,
  };
}

function bool(env: Record<string, string | undefined>, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  problems.push(`${name} must be true or false (got "${env[name]}")`);
  return fallback;
}

function whole(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    problems.push(`${name} must be a whole number (got "${raw}")`);
    return fallback;
  }
  const n = Number(raw.trim());
  if (n < min || n > max) problems.push(`${name} must be from ${min} to ${max} (got ${n})`);
  return n;
}
