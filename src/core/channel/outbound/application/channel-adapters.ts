import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../../config/app.config';
import { ChannelPlatform } from '../../domain/channel.enums';
import type { ChannelAdapter } from '../adapters/channel-adapter';
import { MetaSendApiAdapter } from '../adapters/meta-send-api.adapter';
import { TelegramAdapter } from '../adapters/telegram.adapter';
import { WhatsAppAdapter } from '../adapters/whatsapp.adapter';

/** What the outbound side reads from the validated configuration. */
export interface ChannelOutboundSettings {
  readonly channels: AppConfig['channels'];
  readonly outbound: AppConfig['channelOutbound'];
}

export const CHANNEL_OUTBOUND_SETTINGS = Symbol('CHANNEL_OUTBOUND_SETTINGS');

/**
 * One adapter per platform, built once from configuration: Meta's three
 * platforms share the Graph API base URL and access token; Telegram looks
 * up each bot's token. A platform without credentials has no adapter (its
 * messages are dead-lettered with a reason an admin can act on).
 *
 * @example
 * adapters.for(ChannelPlatform.WHATSAPP)?.send(request);
 */
@Injectable()
export class ChannelAdapters {
  private readonly adapters = new Map<ChannelPlatform, ChannelAdapter>();

  constructor(@Inject(CHANNEL_OUTBOUND_SETTINGS) settings: ChannelOutboundSettings) {
    const { channels, outbound } = settings;
    if (channels.meta) {
      const graph = { baseUrl: channels.metaGraphBaseUrl, accessToken: channels.meta.accessToken, timeoutMs: outbound.timeoutMs };
      this.adapters.set(ChannelPlatform.WHATSAPP, new WhatsAppAdapter(graph));
      this.adapters.set(ChannelPlatform.MESSENGER, new MetaSendApiAdapter('MESSENGER', graph));
      this.adapters.set(ChannelPlatform.INSTAGRAM, new MetaSendApiAdapter('INSTAGRAM', graph));
    }
    if (channels.telegramBots.length > 0) {
      const tokens = new Map(channels.telegramBots.map((b) => [b.botId, b.token]));
      this.adapters.set(ChannelPlatform.TELEGRAM, new TelegramAdapter({ baseUrl: channels.telegramApiBaseUrl, tokenFor: (id) => tokens.get(id) ?? null, timeoutMs: outbound.timeoutMs }));
    }
  }

  for(platform: ChannelPlatform): ChannelAdapter | null {
    return this.adapters.get(platform) ?? null;
  }
}
