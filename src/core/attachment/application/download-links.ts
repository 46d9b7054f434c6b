import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { signDownload, verifyDownload, type SignedUrl } from '../domain/signed-url';
import { ATTACHMENT_SETTINGS, type AttachmentSettings } from './attachment-settings';

/**
 * Signs and checks download links with one key per deployment: derived from
 * ATTACHMENT_URL_SECRET, or (unset) a random key the first instance stores in
 * `attachment_url_key` and every instance reads, so a link signed by one
 * instance opens on another.
 *
 * @example
 * links.sign(attachment.id); // { url: '/attachments/…?exp=…&sig=…', expiresAt }
 */
@Injectable()
export class DownloadLinks implements OnModuleInit {
  private key: Buffer | null = null;

  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTACHMENT_SETTINGS) private readonly settings: AttachmentSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    const secret = this.settings.urlSecret ?? (await this.storedSecret());
    // A fixed-length key whatever the secret's length, and a different one from any other use of the secret.
    this.key = createHash('sha256').update(`sigap attachment links\n${secret}`).digest();
  }

  sign(id: string): SignedUrl {
    return signDownload(this.requireKey(), id, this.clock.now(), this.settings.urlTtlMs);
  }

  verify(id: string, exp: unknown, sig: unknown): 'OK' | 'INVALID' | 'EXPIRED' {
    return verifyDownload(this.requireKey(), id, exp, sig, this.clock.now());
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('DownloadLinks used before the module was initialised');
    return this.key;
  }

  private async storedSecret(): Promise<string> {
    const sql = this.em.fork().getConnection();
    // Instances booting together: the first insert wins, everyone reads the winner.
    await sql.execute(`insert into attachment_url_key (id, secret, created_at) values (1, ?, ?) on conflict (id) do nothing`, [
      randomBytes(32).toString('base64url'),
      this.clock.now(),
    ]);
    const [row] = await sql.execute<Array<{ secret: string }>>(`select secret from attachment_url_key where id = 1`);
    return row.secret;
  }
}
