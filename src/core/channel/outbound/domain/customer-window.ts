import { ChannelPlatform } from '../../domain/channel.enums';

/** WhatsApp's customer-service window, and Messenger's and Instagram's standard messaging window. */
export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether free text may go to the citizen now, and why not. */
export type WindowState =
  | { readonly open: true }
  | { readonly open: false; readonly lastInboundAt: Date | null; readonly closedAt: Date | null };

/**
 * Meta's rule: after the citizen's last message, free-form messages may be
 * sent for 24 hours; after that only an approved template (WhatsApp) or a
 * tagged update (Messenger, Instagram). Telegram has no such window.
 *
 * @example
 * customerWindow(ChannelPlatform.WHATSAPP, lastInboundAt, now).open; // false after 24 h
 */
export function customerWindow(platform: ChannelPlatform, lastInboundAt: Date | null, now: Date): WindowState {
  if (platform === ChannelPlatform.TELEGRAM) return { open: true };
  if (lastInboundAt && now.getTime() - lastInboundAt.getTime() < CUSTOMER_WINDOW_MS) return { open: true };
  return { open: false, lastInboundAt, closedAt: lastInboundAt ? new Date(lastInboundAt.getTime() + CUSTOMER_WINDOW_MS) : null };
}

/** The delivery record's note when a template went out instead of free text. */
export function templateNote(templateName: string, state: WindowState): string {
  if (state.open) return `Sent as template ${templateName}`;
  const since = state.lastInboundAt ? `the citizen last wrote at ${state.lastInboundAt.toISOString()}` : 'the citizen has not written on this channel';
  return `Sent as the approved template ${templateName}: outside WhatsApp's 24-hour customer-service window (${since})`;
}
