import { ChannelPlatform } from '../../domain/channel.enums';
import { customerWindow, templateNote } from './customer-window';
import { baseLanguage, Milestone, milestoneOf, renderTemplate, unknownPlaceholders } from './milestone';

describe('milestones and templates', () => {
  it('maps routing, arrival and resolution topics; nothing else', () => {
    expect(milestoneOf('ticket.dispatch')).toBe(Milestone.ROUTED);
    expect(milestoneOf('ticket.reassign')).toBe(Milestone.ROUTED);
    expect(milestoneOf('ticket.arrive')).toBe(Milestone.ON_SITE);
    expect(milestoneOf('ticket.resolve')).toBe(Milestone.RESOLVED);
    expect(milestoneOf('ticket.created')).toBeNull();
    expect(milestoneOf('ticket.add_note')).toBeNull();
    expect(milestoneOf('sla.breached')).toBeNull();
  });

  it('renders placeholders and lists their values in body order (the WhatsApp template parameters)', () => {
    expect(renderTemplate('{{opdName}} tiba di lokasi {{ticketNumber}}', { ticketNumber: 'BGL-7', opdName: 'BPBD' })).toEqual({ text: 'BPBD tiba di lokasi BGL-7', parameters: ['BPBD', 'BGL-7'] });
    expect(renderTemplate('Tanpa isian', {})).toEqual({ text: 'Tanpa isian', parameters: [] });
    expect(renderTemplate('No {{ticketNumber}}', { ticketNumber: null })).toEqual({ text: 'No -', parameters: ['-'] });
    expect(unknownPlaceholders('{{ticketNumber}} {{nomor}} {{opdName}}')).toEqual(['nomor']);
  });

  it('answers in the base language, Indonesian when unknown', () => {
    expect(baseLanguage('en-US')).toBe('en');
    expect(baseLanguage('id')).toBe('id');
    expect(baseLanguage(null)).toBe('id');
    expect(baseLanguage('???')).toBe('id');
  });

  it('keeps the 24-hour window for Meta platforms only', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    const at = (h: number): Date => new Date(now.getTime() - h * 3600_000);
    expect(customerWindow(ChannelPlatform.WHATSAPP, at(23.9), now).open).toBe(true);
    expect(customerWindow(ChannelPlatform.WHATSAPP, at(24), now).open).toBe(false);
    expect(customerWindow(ChannelPlatform.MESSENGER, at(30), now).open).toBe(false);
    expect(customerWindow(ChannelPlatform.WHATSAPP, null, now).open).toBe(false);
    expect(customerWindow(ChannelPlatform.TELEGRAM, null, now).open).toBe(true);
    expect(templateNote('sigap_on_site', customerWindow(ChannelPlatform.WHATSAPP, at(30), now))).toMatch(/outside WhatsApp's 24-hour customer-service window \(the citizen last wrote at 2026-12-02T04:00:00.000Z\)/);
  });
});
