import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OpdCategory } from '../domain/opd-category.entity';
import { AttributeAnswers, checkAttributeAnswers, GivenAnswers } from './attribute-answers';

/** Where a category sends a ticket, or why it cannot. */
export type RouteResult = { readonly ok: true; readonly route: Route } | { readonly ok: false; readonly problems: readonly string[] };

export interface Route {
  readonly categoryCode: string;
  readonly opdCode: string;
  readonly defaultPriority: string;
  readonly fieldResponse: boolean;
  /** The answers, checked against the category's questions and normalised. */
  readonly attributes: AttributeAnswers;
}

/**
 * A category decides the responsible OPD. Routing refuses what a call taker
 * must not pick: an unknown or deactivated category, an OPD that is not live
 * yet, a contradicting OPD, or answers that do not fit the category's
 * questions. The OPD domain owns these rules (and its tables); the ticket
 * domain asks and turns refusals into its own invalid-input answer.
 *
 * @example
 * const result = await router.route(tx, 'JALAN_RUSAK', null, { LUBANG_CM: '30' });
 * if (!result.ok) throw TicketException.invalidInput(result.problems);
 */
@Injectable()
export class CategoryRouter {
  /**
   * `em` is the caller's: inside a command's transaction it must be that
   * transaction's, never a second pooled connection (N concurrent commands
   * would each hold one connection and wait for another: a pool deadlock).
   */
  async route(em: EntityManager, categoryCode: string, requestedOpd: string | null, answers: GivenAnswers): Promise<RouteResult> {
    const category = await em.findOne(OpdCategory, { code: categoryCode }, { populate: ['opd'] });
    if (!category) return { ok: false, problems: [`categoryCode ${categoryCode} is not a known category`] };
    const problems: string[] = [];
    if (!category.active) problems.push(`category ${categoryCode} is deactivated`);
    const opd = category.opd;
    if (opd.onboardingStatus !== 'LIVE') problems.push(`OPD ${opd.code} is not live yet (goes live ${opd.goLiveDate})`);
    if (!opd.inCode) problems.push(`OPD ${opd.code} is no longer enabled`);
    if (requestedOpd && requestedOpd !== opd.code) {
      problems.push(`category ${categoryCode} belongs to OPD ${opd.code}, not ${requestedOpd}`);
    }
    const checked = checkAttributeAnswers(category.attributes, answers, categoryCode);
    problems.push(...checked.problems);
    if (problems.length) return { ok: false, problems };
    return {
      ok: true,
      route: { categoryCode, opdCode: opd.code, defaultPriority: category.defaultPriority, fieldResponse: category.fieldResponse, attributes: checked.answers },
    };
  }
}
