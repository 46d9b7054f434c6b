import { acceptReport, MAX_CLOCK_SKEW_MS } from './report-rules';
import { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from './ticket.enums';
import { TicketErrorCode, TicketException } from './ticket.exception';

const now = new Date('2026-11-28T02:00:00Z');
const base = {
  kind: TicketKind.COMPLAINT,
  channel: TicketChannel.PHONE,
  description: '  Jalan rusak di Kintamani  ',
  descriptionLanguage: 'id',
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TicketException);
    expect((error as TicketException).code).toBe(TicketErrorCode.INVALID_INPUT);
    return (error as TicketException).details.problems as string[];
  }
  throw new Error('expected INVALID_INPUT');
}

describe('acceptReport', () => {
  it('defaults an emergency to URGENT with a field response, reported now', () => {
    const r = acceptReport({ ...base, kind: TicketKind.EMERGENCY }, now);
    expect(r).toMatchObject({ priority: TicketPriority.URGENT, fieldResponse: true, reportedAt: now });
    expect(r.description).toBe('Jalan rusak di Kintamani');
  });

  it('keeps an explicit priority and an earlier reportedAt', () => {
    const earlier = new Date(now.getTime() - 3_600_000);
    const r = acceptReport({ ...base, priority: TicketPriority.HIGH, reportedAt: earlier }, now);
    expect(r).toMatchObject({ priority: TicketPriority.HIGH, fieldResponse: false, reportedAt: earlier });
  });

  it('allows a report with no identity at all', () => {
    const r = acceptReport({ ...base, reporter: null }, now);
    expect(r.reporter).toMatchObject({ name: null, phone: null, nik: null, anonymous: false });
  });

  it('normalises phone, email, NIK, district and tags', () => {
    const r = acceptReport(
      {
        ...base,
        reporter: { phone: '0812-3456-7890', email: ' Ayu@Example.ID ', nik: '5106 0112 3456 0001' },
        location: { district: 'kintamani' },
        tags: ['Jalan', 'jalan ', ''],
      },
      now,
    );
    expect(r.reporter).toMatchObject({ phone: '+6281234567890', email: 'ayu@example.id', nik: '5106011234560001' });
    expect(r.location.district).toBe('KINTAMANI');
    expect(r.tags).toEqual(['jalan']);
  });

  it('collects every problem at once', () => {
    const problems = problemsOf(() =>
      acceptReport(
        {
          ...base,
          channel: TicketChannel.SOCIAL_MEDIA,
          reporter: { phone: 'call me', nik: '123' },
          location: { latitude: -8.25 },
          reportedAt: new Date(now.getTime() + MAX_CLOCK_SKEW_MS + 1),
          translation: 'Broken road',
        },
        now,
      ),
    );
    expect(problems).toEqual([
      'reportedAt is in the future',
      expect.stringContaining('reporter.phone'),
      'reporter.nik must be 16 digits',
      'location needs both latitude and longitude, or neither',
      expect.stringContaining('social-media report needs channelPlatform and channelAccount'),
      expect.stringContaining('translation needs its translationLanguage'),
    ]);
  });

  it('refuses a platform on a non-social channel and a report older than 30 days', () => {
    expect(problemsOf(() => acceptReport({ ...base, channelPlatform: SocialPlatform.X }, now))).toEqual([
      'channelPlatform is only for SOCIAL_MEDIA reports',
    ]);
    const old = new Date(now.getTime() - 31 * 86_400_000);
    expect(problemsOf(() => acceptReport({ ...base, reportedAt: old }, now))).toEqual(['reportedAt is more than 30 days ago']);
  });

  it('accepts a social-media report with its platform and official account', () => {
    const r = acceptReport(
      { ...base, channel: TicketChannel.SOCIAL_MEDIA, channelPlatform: SocialPlatform.INSTAGRAM, channelAccount: '@pemkabbangli' },
      now,
    );
    expect(r).toMatchObject({ channelPlatform: SocialPlatform.INSTAGRAM, channelAccount: '@pemkabbangli' });
  });
});
