import type { AppConfig } from '../../../../config/app.config';

/** The attachment part of the configuration (config/app.config.ts). */
export type AttachmentSettings = AppConfig['attachments'];

export const ATTACHMENT_SETTINGS = Symbol('ATTACHMENT_SETTINGS');
