/**
 * Every time the console shows is in WITA (Asia/Makassar, UTC+8), Bangli's zone, whatever the zone of the
 * computer or phone showing it: a call taker in a browser set to UTC and an officer's phone agree.
 */
export const TIME_ZONE = 'Asia/Makassar';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { timeZone: TIME_ZONE, ...options });
    formats.set(key, f);
  }
  return f;
}

/** "3 Des 2026 09.15 WITA" / "3 Dec 2026, 09:15 WITA". */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const text = format(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${text} WITA`;
}

/** "09.15" / "09:15": the time of day only, for timelines of one day. */
export function formatTime(iso: string, language: string): string {
  return format(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A signed duration as h:mm:ss ("-0:05:00" once overdue). */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
