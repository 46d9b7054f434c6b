import { checkWebhookUrl } from './webhook-url';

const STRICT = { allowHttp: false, allowPrivateAddresses: false };
const LOOSE = { allowHttp: true, allowPrivateAddresses: true };

describe('webhook URL check', () => {
  it('accepts a public https URL and normalises it', () => {
    expect(checkWebhookUrl('https://SimDamkar.example.go.id/hooks/sigap?x=1', STRICT)).toEqual({ url: 'https://simdamkar.example.go.id/hooks/sigap?x=1', problems: [] });
    expect(checkWebhookUrl('https://8.8.8.8:8443/h', STRICT).problems).toEqual([]);
  });

  it('refuses http unless allowed, and other schemes always', () => {
    expect(checkWebhookUrl('http://example.org/h', STRICT).problems).toEqual(['url: must be https://']);
    expect(checkWebhookUrl('http://example.org/h', { ...STRICT, allowHttp: true }).problems).toEqual([]);
    expect(checkWebhookUrl('ftp://example.org/h', LOOSE).problems).toEqual(['url: must be https:// or http://']);
    expect(checkWebhookUrl('file:///etc/passwd', LOOSE).problems[0]).toContain('must be https');
  });

  it('refuses credentials, fragments, relative and over-long URLs', () => {
    expect(checkWebhookUrl('https://user:pw@example.org/h', STRICT).problems).toEqual([expect.stringContaining('credentials')]);
    expect(checkWebhookUrl('https://user@example.org/h', STRICT).problems).toEqual([expect.stringContaining('credentials')]);
    expect(checkWebhookUrl('https://example.org/h#x', STRICT).problems).toEqual([expect.stringContaining('fragment')]);
    expect(checkWebhookUrl('/hooks', STRICT).problems).toEqual(['url: not an absolute URL']);
    expect(checkWebhookUrl(`https://example.org/${'a'.repeat(2100)}`, STRICT).problems).toEqual(['url: at most 2048 characters']);
  });

  it('refuses literal private and special addresses unless allowed', () => {
    for (const url of ['https://127.0.0.1/h', 'https://[::1]/h', 'https://10.0.0.8/h', 'https://169.254.169.254/latest', 'https://[::ffff:127.0.0.1]/h', 'https://localhost/h', 'https://api.localhost/h', 'https://0.0.0.0/h', 'https://2130706433/h']) {
      expect({ url, problems: checkWebhookUrl(url, STRICT).problems }).toEqual({ url, problems: [expect.stringMatching(/^url: .* address; receivers must be reachable on a public address$/)] });
      expect(checkWebhookUrl(url, LOOSE).problems).toEqual([]);
    }
  });
});
