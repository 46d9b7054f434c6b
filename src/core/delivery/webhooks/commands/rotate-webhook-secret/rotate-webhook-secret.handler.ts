import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import type { Actor } from '../../../../actor';
import { endpointFor } from '../../application/endpoint-access';
import { WEBHOOK_SETTINGS, WebhookSettings } from '../../application/webhook-settings';
import { WebhookEndpoint } from '../../domain/webhook-endpoint.entity';
import { newWebhookSecret } from '../../domain/webhook-signature';

/**
 * Makes a new signing secret, returned only here. The previous one keeps
 * signing beside it (two signatures in `webhook-signature`) for the grace
 * period, so a receiver switches secrets without missing a webhook. A
 * second rotation within the grace drops the oldest secret.
 *
 * @example
 * const { secret, endpoint } = await rotate.execute(endpointId, head);
 * endpoint.previousSecretUntil; // now + 24 h
 */
@Injectable()
export class RotateWebhookSecretHandler {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, actor: Actor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (tx) => {
      const endpoint = await endpointFor(tx, id, actor, true);
      const secret = newWebhookSecret();
      endpoint.previousSecret = endpoint.secret;
      endpoint.previousSecretUntil = new Date(now.getTime() + this.settings.secretGraceMs);
      endpoint.secret = secret;
      endpoint.updatedAt = now;
      return { endpoint, secret };
    });
  }
}
