import { randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/**
 * Passwords hashed with scrypt, a memory-hard function (2^15 = 32 MiB per
 * hash by default). The parameters travel inside the stored hash, so raising
 * the cost later still verifies old hashes.
 *
 * @example
 * const stored = await hasher.hash('correct horse battery staple'); // 'scrypt$15$8$1$<salt>$<key>'
 * await hasher.verify('correct horse battery staple', stored); // true
 */
export class PasswordHasher {
  constructor(private readonly logN: number) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, this.options(this.logN, 8, 1));
    return ['scrypt', this.logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, logN, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64url');
    const actual = await scrypt(password, Buffer.from(salt, 'base64url'), this.options(Number(logN), Number(r), Number(p)));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private options(logN: number, r: number, p: number): ScryptOptions {
    const N = 2 ** logN;
    // Node refuses more than 32 MiB by default; allow what the parameters need.
    return { N, r, p, maxmem: 256 * N * r * p };
  }
}

// The rule itself lives with the domain (config checks the bootstrap password with it too).
export { passwordProblems } from '../domain/password-rules';
