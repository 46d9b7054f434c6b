import type { SqlRunner } from '../../../../infra/database/sql-runner';

/** A template as the composer needs it. */
export interface TemplateRecord {
  readonly id: string;
  readonly key: string;
  readonly language: string;
  readonly body: string;
  readonly whatsappName: string | null;
  readonly version: number;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

interface Row {
  id: string;
  key: string;
  language: string;
  body: string;
  whatsapp_name: string | null;
  version: number;
  updated_at: Date;
  updated_by: string;
}

const toRecord = (r: Row): TemplateRecord => ({
  id: r.id, key: r.key, language: r.language, body: r.body, whatsappName: r.whatsapp_name, version: r.version, updatedAt: new Date(r.updated_at), updatedBy: r.updated_by,
});

/**
 * The channel_template table's SQL (a few dozen rows: read whole).
 *
 * @example
 * const templates = await ChannelTemplateStore.all(sql);
 * pickTemplate(templates, 'ON_SITE', 'en');
 */
export const ChannelTemplateStore = {
  async all(sql: SqlRunner): Promise<TemplateRecord[]> {
    const rows = await sql.query<Row>('select id, key, language, body, whatsapp_name, version, updated_at, updated_by from channel_template order by key, language');
    return rows.map(toRecord);
  },

  /**
   * Creates or changes the (key, language) template. With `expectedVersion`,
   * only that version is changed (null answer: someone changed it since).
   */
  async upsert(
    sql: SqlRunner,
    t: { key: string; language: string; body: string; whatsappName: string | null; expectedVersion: number | null; actor: string },
    now: Date,
  ): Promise<TemplateRecord | null> {
    const rows = await sql.query<Row>(
      `insert into channel_template (id, key, language, body, whatsapp_name, updated_by, created_at, updated_at, version)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, 1)
       on conflict on constraint channel_template_key_language_unique do update
          set body = excluded.body, whatsapp_name = excluded.whatsapp_name, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at, version = channel_template.version + 1
        where cast(? as int) is null or channel_template.version = cast(? as int)
       returning id, key, language, body, whatsapp_name, version, updated_at, updated_by`,
      [t.key, t.language, t.body, t.whatsappName, t.actor, now, now, t.expectedVersion, t.expectedVersion],
    );
    return rows.length ? toRecord(rows[0]) : null;
  },
};

/**
 * The template for `key` in the citizen's language; else Indonesian, the
 * regency's language; else English; else none.
 */
export function pickTemplate(templates: readonly TemplateRecord[], key: string, language: string): TemplateRecord | null {
  for (const lang of [language, 'id', 'en']) {
    const found = templates.find((t) => t.key === key && t.language === lang);
    if (found) return found;
  }
  return null;
}
