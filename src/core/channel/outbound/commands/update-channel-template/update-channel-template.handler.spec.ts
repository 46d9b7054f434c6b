import { templateProblems } from './update-channel-template.handler';

describe('UpdateChannelTemplateHandler rules', () => {
  it('accepts a known key, a base language, known placeholders and a WhatsApp-style name', () => {
    expect(templateProblems({ key: 'ON_SITE', language: 'ban', body: 'Petugas {{opdName}} rauh ring {{ticketNumber}}', whatsappName: 'sigap_on_site_ban' })).toEqual([]);
    expect(templateProblems({ key: 'FOLLOW_UP', language: 'en', body: 'Reply to continue.', whatsappName: null })).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(templateProblems({ key: 'HELLO', language: 'en-US', body: 'No {{nomor}}', whatsappName: 'Sigap Status' })).toEqual([
      'key must be one of RECEIVED, ROUTED, ON_SITE, RESOLVED, FOLLOW_UP',
      'language must be a base language tag such as id or en',
      'body uses unknown placeholders {{nomor}}: only {{ticketNumber}} and {{opdName}}',
      'whatsappName must be lower-case letters, digits and _ (as in WhatsApp Manager)',
    ]);
    expect(templateProblems({ key: 'RECEIVED', language: 'id', body: '   ', whatsappName: null })).toEqual(['body must not be empty']);
  });
});
