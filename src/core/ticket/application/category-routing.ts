import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CategoryRouter, type GivenAnswers, type Route } from '../../opd';
import { TicketException } from '../domain/ticket.exception';

export type { Route } from '../../opd';

/**
 * The ticket domain's side of routing: the OPD domain decides (its rules, its
 * tables); a refusal becomes this domain's invalid-input answer.
 */
@Injectable()
export class CategoryRouting {
  constructor(private readonly router: CategoryRouter) {}

  /**
   * `em` is the caller's: inside a command's transaction it must be that
   * transaction's, never a second pooled connection (N concurrent commands
   * would each hold one connection and wait for another: a pool deadlock).
   */
  async route(em: EntityManager, categoryCode: string, requestedOpd: string | null, answers: GivenAnswers): Promise<Route> {
    const result = await this.router.route(em, categoryCode, requestedOpd, answers);
    if (!result.ok) throw TicketException.invalidInput([...result.problems]);
    return result.route;
  }
}
