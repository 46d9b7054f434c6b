import { randomBytes } from 'node:crypto';
import { PasswordHasher, passwordProblems } from './password-hasher';
import { TokenCodec } from './token-codec';

describe('TokenCodec', () => {
  const codec = new TokenCodec(randomBytes(32));
  const claims = { sub: 'u1', sid: 's1', iat: 100, exp: 1000 };

  it('reads back what it signed', () => {
    expect(codec.verify(codec.sign(claims))).toEqual(claims);
  });

  it('refuses a changed body, a changed signature, another key, and junk', () => {
    const token = codec.sign(claims);
    const [body, mac] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: 9999 })).toString('base64url');
    expect(codec.verify(`${longer}.${mac}`)).toBeNull();
    expect(codec.verify(`${body}.${mac.slice(0, -2)}AA`)).toBeNull();
    expect(new TokenCodec(randomBytes(32)).verify(token)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${token}.x`, 'x'.repeat(5000)]) expect(codec.verify(junk)).toBeNull();
  });
});

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher(10);

  it('verifies the right password only, with a fresh salt every time', async () => {
    const a = await hasher.hash('penelokan-sunrise-77');
    const b = await hasher.hash('penelokan-sunrise-77');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await hasher.verify('penelokan-sunrise-77', a)).toBe(true);
    expect(await hasher.verify('penelokan-sunrise-78', a)).toBe(false);
    expect(await hasher.verify('x', 'not-a-hash')).toBe(false);
  });

  it('verifies hashes made with another cost (raising it later keeps old passwords working)', async () => {
    const old = await new PasswordHasher(11).hash('bukit-jati-sunrise-9');
    expect(await hasher.verify('bukit-jati-sunrise-9', old)).toBe(true);
  });

  it('refuses short, repetitive and username-bearing passwords', () => {
    expect(passwordProblems('short', 'ayu')).toHaveLength(1);
    expect(passwordProblems('aaaaaaaaaaaaaa', 'ayu')).toEqual(['password: too few different characters']);
    expect(passwordProblems('ayu-kintamani-2026', 'ayu')).toEqual(['password: must not contain the username']);
    expect(passwordProblems('penelokan-sunrise-77', 'ayu')).toEqual([]);
  });
});
