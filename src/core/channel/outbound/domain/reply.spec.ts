import { ChannelPlatform } from '../../domain/channel.enums';
import { ChannelException } from '../../domain/channel.exception';
import type { TemplateRecord } from '../application/channel-template.store';
import { composeReply } from './reply';

const template = (key: string, body: string): TemplateRecord => ({
  id: key, key, language: 'id', body, whatsappName: `sigap_${key.toLowerCase()}`, version: 1, updatedAt: new Date(0), updatedBy: 'seed',
});
const TEMPLATES = [template('FOLLOW_UP', 'Petugas ingin melanjutkan percakapan.'), template('RECEIVED', 'Laporan Anda bernomor {{ticketNumber}}.')];
const NOW = new Date('2026-12-03T12:00:00Z');
const closed = { conversationId: 'c1', platform: ChannelPlatform.WHATSAPP, lastInboundAt: new Date('2026-12-02T10:00:00Z'), language: 'id' };

function refusal(run: () => unknown): ChannelException {
  try {
    run();
  } catch (error) {
    return error as ChannelException;
  }
  throw new Error('not refused');
}

describe('a call taker\'s reply', () => {
  it('outside WhatsApp\'s window offers only the templates a reply can fill (no ticket number to put in)', () => {
    const error = refusal(() => composeReply(closed, { text: 'Baik, kami cek.', templateKey: null }, TEMPLATES, NOW));
    expect(error.details).toMatchObject({ templates: ['FOLLOW_UP'] });
  });

  it('refuses a template whose placeholders it cannot fill, rather than send "-" to the citizen', () => {
    const error = refusal(() => composeReply(closed, { text: null, templateKey: 'RECEIVED' }, TEMPLATES, NOW));
    expect(error.message).toContain('template RECEIVED needs a ticket');
  });

  it('sends it when the values are there, and a template without placeholders always', () => {
    expect(composeReply(closed, { text: null, templateKey: 'RECEIVED' }, TEMPLATES, NOW, { ticketNumber: 'BGL-2026-000001' })).toMatchObject({
      kind: 'TEMPLATE', text: 'Laporan Anda bernomor BGL-2026-000001.', templateName: 'sigap_received', parameters: ['BGL-2026-000001'],
    });
    expect(composeReply(closed, { text: null, templateKey: 'FOLLOW_UP' }, TEMPLATES, NOW)).toMatchObject({ kind: 'TEMPLATE', templateName: 'sigap_follow_up' });
  });
});
