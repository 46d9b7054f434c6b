import { registerEnumType } from '@nestjs/graphql';
import { WebhookDeliveryStatus } from '../domain/webhook-delivery.entity';
import { WebhookEvent } from '../domain/webhook-event';

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'What an endpoint receives; always only messages of its own OPD.',
  valuesMap: {
    TICKET_ROUTED: { description: 'A ticket was dispatched or reassigned to the OPD (topics ticket.dispatch, ticket.reassign).' },
    TICKET_CHANGED: { description: 'Any event of a ticket of the OPD (every ticket.* topic).' },
    SLA_WARNING: { description: 'An SLA clock passed a warning threshold (sla.warning).' },
    SLA_BREACHED: { description: 'An SLA clock reached its target (sla.breached).' },
    ESCALATION_RAISED: { description: 'A warning or breach that followed a rung of the escalation ladder (level >= 1).' },
  },
});
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

export { WebhookDeliveryStatus, WebhookEvent };
