import type { ChannelConfig } from '../../../config/channels.config';

/** The channel domain's settings: the validated ChannelConfig (config/channels.config.ts). */
export type ChannelSettings = ChannelConfig;

/** Injection token of {@link ChannelSettings}. */
export const CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');
