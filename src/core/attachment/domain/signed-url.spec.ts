import { randomBytes } from 'node:crypto';
import { signDownload, verifyDownload } from './signed-url';

describe('signed download links', () => {
  const key = randomBytes(32);
  const id = '7d1f0c9e-3f5b-4a8e-9d2c-1b6a0e4f8c21';
  const now = new Date('2026-12-02T03:00:00Z');
  const parts = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

  it('verifies until the expiry and not after', () => {
    const { url, expiresAt } = signDownload(key, id, now, 300_000);
    const { exp, sig } = parts(url);
    expect(expiresAt).toEqual(new Date('2026-12-02T03:05:00Z'));
    expect(verifyDownload(key, id, exp, sig, new Date('2026-12-02T03:04:59Z'))).toBe('OK');
    expect(verifyDownload(key, id, exp, sig, expiresAt)).toBe('EXPIRED');
  });

  it('refuses another id, a moved expiry, another key and garbage', () => {
    const { exp, sig } = parts(signDownload(key, id, now, 300_000).url);
    expect(verifyDownload(key, id.replace('7', '8'), exp, sig, now)).toBe('INVALID');
    expect(verifyDownload(key, id, String(Number(exp) + 3600), sig, now)).toBe('INVALID');
    expect(verifyDownload(randomBytes(32), id, exp, sig, now)).toBe('INVALID');
    expect(verifyDownload(key, id, undefined, sig, now)).toBe('INVALID');
    expect(verifyDownload(key, id, exp, ['a', 'b'], now)).toBe('INVALID');
    expect(verifyDownload(key, id, exp, 'x'.repeat(43), now)).toBe('INVALID');
  });
});
