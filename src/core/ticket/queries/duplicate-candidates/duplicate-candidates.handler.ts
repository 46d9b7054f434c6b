import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { entityManagerSql } from '../../../../infra/database/sql-runner';
import { OpdDirectory, type ResolvedDuplicateRule } from '../../../opd';
import { OPEN_STATE_SQL } from '../../domain/open-tickets';
import type { TicketKind } from '../../domain/ticket.enums';
import type { TicketState } from '../../lifecycle';
import { DuplicateCandidate, DuplicateCandidatesQuery, DuplicateDraft, DuplicateSearch } from './duplicate-candidates.query';
import { CandidateFacts, isCandidate, scoreCandidate } from './duplicate-score';

interface Row {
  id: string;
  number: string;
  state: TicketState;
  kind: TicketKind;
  opd_code: string | null;
  category_code: string | null;
  reported_at: Date;
  location_district: string | null;
  location_village: string | null;
  meters: number | null;
  same_village: boolean;
  similarity: number;
}

const HOUR_MS = 3_600_000;
// Each branch reads one partial index of open tickets (migration caller_lookup):
// the cost follows the open tickets near the draft, not the table.
const NEAR_POINT = `select id from ticket
                     where ${OPEN_STATE_SQL} and "location_latitude" is not null and "location_longitude" is not null
                       and earth_box(ll_to_earth(cast(? as float8), cast(? as float8)), cast(? as float8)) @> ll_to_earth("location_latitude", "location_longitude")
                       and reported_at between cast(? as timestamptz) and cast(? as timestamptz)`;
const IN_VILLAGE = `select id from ticket
                     where ${OPEN_STATE_SQL} and "location_village" is not null
                       and "location_district" = ? and lower("location_village") = lower(?)
                       and reported_at between cast(? as timestamptz) and cast(? as timestamptz)`;

@QueryHandler(DuplicateCandidatesQuery)
export class DuplicateCandidatesHandler implements IQueryHandler<DuplicateCandidatesQuery, DuplicateSearch> {
  constructor(
    private readonly em: EntityManager,
    private readonly opds: OpdDirectory,
  ) {}

  async execute({ draft, limit }: DuplicateCandidatesQuery): Promise<DuplicateSearch> {
    const sql = entityManagerSql(this.em.fork());
    const rule = await this.opds.duplicateRule(draft.categoryCode, draft.kind, sql);
    const windowMs = rule.windowHours * HOUR_MS;
    const from = new Date(draft.reportedAt.getTime() - windowMs).toISOString();
    const to = new Date(draft.reportedAt.getTime() + windowMs).toISOString();
    const point = draft.latitude !== null && draft.longitude !== null;
    const village = draft.village !== null && draft.district !== null;
    if (!point && !village) return { radiusMeters: rule.radiusMeters, windowHours: rule.windowHours, candidates: [] };

    const branches: string[] = [];
    const params: unknown[] = [];
    if (point) {
      branches.push(NEAR_POINT);
      params.push(draft.latitude, draft.longitude, rule.radiusMeters, from, to);
    }
    if (village) {
      branches.push(IN_VILLAGE);
      params.push(draft.district, draft.village, from, to);
    }
    const rows = await sql.query<Row>(
      `select t.id, t.number, t.state, t.kind, t.opd_code, t.category_code, t.reported_at, t.location_district, t.location_village,
              case when cast(? as boolean) and t.location_latitude is not null and t.location_longitude is not null
                   then earth_distance(ll_to_earth(t.location_latitude, t.location_longitude), ll_to_earth(cast(? as float8), cast(? as float8))) end as meters,
              coalesce(t.location_district = ? and lower(t.location_village) = lower(?), false) as same_village,
              similarity(t.description, cast(? as text)) as similarity
         from ticket t
        where t.id in (${branches.join(' union ')})`,
      [point, draft.latitude ?? 0, draft.longitude ?? 0, draft.district, draft.village, draft.description ?? '', ...params],
    );
    const candidates = rows
      .map((row) => candidate(row, draft, rule, windowMs))
      .filter((c): c is DuplicateCandidate => c !== null)
      .sort((a, b) => b.score - a.score || b.reportedAt.getTime() - a.reportedAt.getTime() || a.number.localeCompare(b.number))
      .slice(0, limit);
    return { radiusMeters: rule.radiusMeters, windowHours: rule.windowHours, candidates };
  }
}

function candidate(row: Row, draft: DuplicateDraft, rule: ResolvedDuplicateRule, windowMs: number): DuplicateCandidate | null {
  const reportedAt = new Date(row.reported_at);
  const facts: CandidateFacts = {
    meters: row.meters === null ? null : Number(row.meters),
    radiusMeters: rule.radiusMeters,
    sameVillage: row.same_village,
    category: categoryMatch(row.category_code, rule),
    relatedCategory: row.category_code,
    ageMs: draft.reportedAt.getTime() - reportedAt.getTime(),
    windowMs,
    textSimilarity: draft.description ? Number(row.similarity) : 0,
  };
  if (!isCandidate(facts)) return null;
  const { score, reasons } = scoreCandidate(facts);
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    kind: row.kind,
    opdCode: row.opd_code,
    categoryCode: row.category_code,
    reportedAt,
    district: row.location_district,
    village: row.location_village,
    distanceMeters: facts.meters === null ? null : Math.round(facts.meters),
    textSimilarity: Math.round(facts.textSimilarity * 100) / 100,
    score,
    reasons,
  };
}

function categoryMatch(code: string | null, rule: ResolvedDuplicateRule): CandidateFacts['category'] {
  if (!rule.categoryCode) return 'UNKNOWN';
  if (code === rule.categoryCode) return 'SAME';
  if (code && rule.related.includes(code)) return 'RELATED';
  return 'OTHER';
}
