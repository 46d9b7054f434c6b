import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import type { Actor } from '../../../../actor';
import { OpdDirectory } from '../../../../opd';
import { WEBHOOK_SETTINGS, WebhookSettings } from '../../application/webhook-settings';
import { WebhookEndpoint } from '../../domain/webhook-endpoint.entity';
import { WEBHOOK_EVENTS, WebhookEvent } from '../../domain/webhook-event';
import { newWebhookSecret } from '../../domain/webhook-signature';
import { checkWebhookUrl } from '../../domain/webhook-url';
import { WebhookException } from '../../domain/webhook.exception';

export interface CreateWebhookEndpoint {
  readonly opdCode: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
}

/**
 * Registers an OPD system's receiver and makes its signing secret, returned
 * only here (and by a rotation). The caller's reach (own OPD or all) is
 * checked at the API edge; the OPD must exist and the URL pass the check.
 *
 * @example
 * const { endpoint, secret } = await create.execute({ opdCode: 'BPBD', url: 'https://pusdalops.example.go.id/sigap', events: [WebhookEvent.TICKET_ROUTED] }, admin);
 */
@Injectable()
export class CreateWebhookEndpointHandler {
  constructor(
    private readonly em: EntityManager,
    private readonly opds: OpdDirectory,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: CreateWebhookEndpoint, actor: Actor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const { url, problems } = checkWebhookUrl(input.url, this.settings);
    const events = [...new Set(input.events)];
    if (events.length === 0) problems.push('events: give at least one');
    for (const event of events) if (!WEBHOOK_EVENTS.includes(event)) problems.push(`events: ${String(event)} is not a webhook event`);
    if (!(await this.opds.exists(input.opdCode))) problems.push(`opdCode: no OPD ${input.opdCode}`);
    if (problems.length || !url) throw WebhookException.invalidInput(problems);
    const secret = newWebhookSecret();
    const now = this.clock.now();
    const em = this.em.fork();
    const endpoint = em.create(WebhookEndpoint, { opdCode: input.opdCode, url, events, secret, createdBy: actor.userId, createdAt: now, updatedAt: now });
    await em.flush();
    return { endpoint, secret };
  }
}
