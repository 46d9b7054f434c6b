import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { ApiError } from '../../../../infra/graphql/api-error';
import { CurrentActor } from '../../../actor';
import type { Actor } from '../../../actor';
import { CreateWebhookEndpointHandler } from '../commands/create-webhook-endpoint/create-webhook-endpoint.handler';
import { DisableWebhookEndpointHandler } from '../commands/disable-webhook-endpoint/disable-webhook-endpoint.handler';
import { EnableWebhookEndpointHandler } from '../commands/enable-webhook-endpoint/enable-webhook-endpoint.handler';
import { RedeliverWebhookHandler } from '../commands/redeliver-webhook/redeliver-webhook.handler';
import { RotateWebhookSecretHandler } from '../commands/rotate-webhook-secret/rotate-webhook-secret.handler';
import { WebhookQueries } from '../queries/webhook-queries';
import { atWebhookEdge } from './webhook-api.errors';
import { CreateWebhookEndpointInput, DisableWebhookEndpointInput, WebhookDeliveryFilterInput } from './webhook.inputs';
import { toWebhookDeliveryModel, toWebhookEndpointModel } from './webhook.mapper';
import { WebhookDeliveryModel, WebhookEndpointCreatedModel, WebhookEndpointModel, WebhookSecretRotatedModel } from './webhook.model';

/** OPD systems' webhook endpoints and their deliveries: admins for every OPD, an OPD's head for its own. */
@Resolver()
export class WebhookResolver {
  constructor(
    private readonly createEndpoint: CreateWebhookEndpointHandler,
    private readonly disableEndpoint: DisableWebhookEndpointHandler,
    private readonly enableEndpoint: EnableWebhookEndpointHandler,
    private readonly rotateSecret: RotateWebhookSecretHandler,
    private readonly redeliver: RedeliverWebhookHandler,
    private readonly queries: WebhookQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [WebhookEndpointModel], { description: 'Newest first; an OPD\'s head sees its own OPD\'s only.' })
  async webhookEndpoints(
    @CurrentActor() actor: Actor,
    @Args('opdCode', { type: () => String, nullable: true }) opdCode?: string | null,
  ): Promise<WebhookEndpointModel[]> {
    const now = this.clock.now();
    return (await this.queries.endpoints(actor, opdCode ?? null)).map((e) => toWebhookEndpointModel(e, now));
  }

  @Query(() => [WebhookDeliveryModel], { description: 'An endpoint\'s deliveries, newest first.' })
  webhookDeliveries(
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => WebhookDeliveryFilterInput, nullable: true }) filter?: WebhookDeliveryFilterInput,
  ): Promise<WebhookDeliveryModel[]> {
    return atWebhookEdge(async () => (await this.queries.deliveries(endpointId, filter ?? {}, actor)).map(toWebhookDeliveryModel));
  }

  @Mutation(() => WebhookEndpointCreatedModel, { description: 'Registers a receiver for one OPD; the signing secret is shown only here.' })
  createWebhookEndpoint(@Args('input') input: CreateWebhookEndpointInput, @CurrentActor() actor: Actor): Promise<WebhookEndpointCreatedModel> {
    if (actor.restrictedToOpd && input.opdCode !== actor.restrictedToOpd) {
      throw new ApiError('FORBIDDEN', `You may register webhooks for ${actor.restrictedToOpd} only`);
    }
    return atWebhookEdge(async () => {
      const { endpoint, secret } = await this.createEndpoint.execute(input, actor);
      return { endpoint: toWebhookEndpointModel(endpoint, this.clock.now()), secret };
    });
  }

  @Mutation(() => WebhookEndpointModel, { description: 'Stops an endpoint and cancels its pending deliveries.' })
  disableWebhookEndpoint(@Args('input') input: DisableWebhookEndpointInput, @CurrentActor() actor: Actor): Promise<WebhookEndpointModel> {
    return atWebhookEdge(async () => toWebhookEndpointModel(await this.disableEndpoint.execute(input.id, input.reason ?? null, actor), this.clock.now()));
  }

  @Mutation(() => WebhookEndpointModel, { description: 'Starts a disabled endpoint again (e.g. after a 410 Gone).' })
  enableWebhookEndpoint(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookEndpointModel> {
    return atWebhookEdge(async () => toWebhookEndpointModel(await this.enableEndpoint.execute(id, actor), this.clock.now()));
  }

  @Mutation(() => WebhookSecretRotatedModel, { description: 'A new signing secret, shown only here; the previous one keeps signing for the grace period.' })
  rotateWebhookSecret(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WebhookSecretRotatedModel> {
    return atWebhookEdge(async () => {
      const { endpoint, secret } = await this.rotateSecret.execute(id, actor);
      return { endpoint: toWebhookEndpointModel(endpoint, this.clock.now()), secret };
    });
  }

  @Mutation(() => WebhookDeliveryModel, { description: 'Queues a delivery again (same webhook-id), e.g. a dead letter after the receiver was fixed.' })
  redeliverWebhook(@Args('deliveryId', { type: () => ID }) deliveryId: string, @CurrentActor() actor: Actor): Promise<WebhookDeliveryModel> {
    return atWebhookEdge(async () => toWebhookDeliveryModel(await this.redeliver.execute(deliveryId, actor)));
  }
}
