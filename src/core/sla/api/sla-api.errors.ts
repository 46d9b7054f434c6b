import { ApiError } from '../../../infra/graphql/api-error';
import type { Actor } from '../../ticket/domain/actor';
import { ActorRole } from '../../ticket/domain/ticket.enums';
import { SlaErrorCode, SlaException } from '../domain/sla.exception';

/** Runs a use case and turns its SlaException into the API's error code; the only place they meet. */
export async function atSlaEdge<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SlaException) {
      throw new ApiError(error.code === SlaErrorCode.INVALID_INPUT ? 'BAD_USER_INPUT' : error.code, error.message, error.details);
    }
    throw error;
  }
}

// The permission table of the identity issue will replace this single rule.
export function assertSlaAdmin(actor: Actor): void {
  if (actor.role !== ActorRole.ADMIN) throw new ApiError('FORBIDDEN', 'Only admins change SLA policies and calendars');
}
