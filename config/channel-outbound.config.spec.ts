import { loadAppConfig } from './app.config';
import { loadChannelOutboundConfig } from './channel-outbound.config';

describe('channel outbound config', () => {
  it('has working defaults: the dispatcher on, bounded retries', () => {
    expect(loadChannelOutboundConfig({}).config).toEqual({
      dispatcherEnabled: true, pollMs: 1000, concurrency: 8, timeoutMs: 15_000, maxAttempts: 8, retryBaseMs: 5000, retryMaxMs: 3_600_000,
    });
  });

  it('turns the dispatcher off like the other background workers', () => {
    expect(loadAppConfig({ CHANNEL_DISPATCHER_ENABLED: 'false' }).channelOutbound.dispatcherEnabled).toBe(false);
  });

  it('names every bad variable at boot', () => {
    expect(() => loadAppConfig({ CHANNEL_DISPATCHER_ENABLED: 'maybe', CHANNEL_SEND_TIMEOUT_MS: '5s', CHANNEL_SEND_MAX_ATTEMPTS: '0' })).toThrow(
      /CHANNEL_DISPATCHER_ENABLED must be true or false[\s\S]*CHANNEL_SEND_TIMEOUT_MS must be a whole number[\s\S]*CHANNEL_SEND_MAX_ATTEMPTS must be from 1 to 100/,
    );
  });
});
