// The attachment domain's public face. No other domain needs it: the ticket
// domain reaches it through its own port (TICKET_ATTACHMENT_BINDER), and the
// composition root imports AttachmentModule directly.
export { AttachmentKind } from './media/media.sanitizer';
export type { AttachmentStore } from './application/attachment-store';
