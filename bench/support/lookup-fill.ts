/**
 * bench:lookup's data: synthetic tickets bulk-inserted with generate_series,
 * spread like Bangli's: three years of reports, four districts with their
 * villages, most tickets finished (only the last two weeks are open),
 * repeat callers (a skewed pool of phone numbers), every active category.
 */
import type { Client } from 'pg';

const CHUNK = 50_000;
/** Distinct caller numbers; index i is +62812 followed by i in 8 digits. */
export const PHONE_POOL = 150_000;
export const DAYS = 1095;
export const OPEN_DAYS = 14;
export const VILLAGES_PER_DISTRICT = 18;

/** District centres (degrees) and how far their villages spread. */
export const DISTRICTS = [
  { code: 'KINTAMANI', lat: -8.24, lon: 115.33, spread: 0.08, share: 0.4 },
  { code: 'BANGLI', lat: -8.45, lon: 115.355, spread: 0.04, share: 0.25 },
  { code: 'SUSUT', lat: -8.43, lon: 115.31, spread: 0.035, share: 0.17 },
  { code: 'TEMBUKU', lat: -8.44, lon: 115.40, spread: 0.035, share: 0.18 },
] as const;

export const DESCRIPTIONS = [
  'Jalan berlubang besar membahayakan pengendara motor',
  'Pohon tumbang menutup jalan desa',
  'Lampu lalu lintas mati di perempatan',
  'Kebakaran rumah warga, asap tebal',
  'Banjir menggenangi jalan dan sawah',
  'Tanah longsor menutup akses jalan',
  'Parkir liar di depan pasar',
  'Warga sakit butuh ambulans segera',
  'Air bersih tidak mengalir tiga hari',
  'Gigitan anjing liar di banjar',
  'Saluran irigasi jebol',
  'Rambu lalu lintas roboh',
] as const;

export const phoneOf = (index: number): string => `+62812${String(index).padStart(8, '0')}`;
export const villageOf = (district: string, n: number): string => `${district.charAt(0)}${district.slice(1).toLowerCase()} ${n + 1}`;

/** A village's centre: fixed per village, inside its district's spread. */
export function villageCentre(d: number, v: number): { lat: number; lon: number } {
  const district = DISTRICTS[d];
  return { lat: district.lat + Math.sin(d * 7 + v * 1.3) * district.spread, lon: district.lon + Math.cos(d * 5 + v * 2.1) * district.spread };
}

// $1..$2: the series; $3: categories (code, opd, kind) as JSON; $4: descriptions; $5: now.
const INSERT_CHUNK = `
with cat as (
  select row_number() over () - 1 as i, c->>'code' as code, c->>'opd' as opd, c->>'kind' as kind from jsonb_array_elements($3::jsonb) c
), s as (
  select g, random() as r_age, random() as r_d, floor(random() * ${VILLAGES_PER_DISTRICT})::int as v, random() as r_cat, random() as r_phone,
         random() as r_state, random() as r_point, random() - 0.5 as jx, random() - 0.5 as jy, floor(random() * 12)::int as t
    from generate_series($1::int, $2::int) g
), p as (
  select s.*, $5::timestamptz - s.r_age * interval '${DAYS} days' as reported_at,
         case when s.r_d < 0.4 then 0 when s.r_d < 0.65 then 1 when s.r_d < 0.82 then 2 else 3 end as d,
         case when s.r_cat < 0.12 then null else floor((s.r_cat - 0.12) / 0.88 * (select count(*) from cat))::int end as ci
    from s
)
insert into ticket (id, number, kind, priority, state, field_response, channel, reporter_phone,
                    location_latitude, location_longitude, location_district, location_village, category_code, opd_code,
                    description, description_language, reported_at, created_at, updated_at, created_by, sla_next_due_at)
select gen_random_uuid(), 'LKP-' || lpad(p.g::text, 8, '0'), coalesce(cat.kind, 'INFORMATION'), 'NORMAL',
       case when p.r_age * ${DAYS} > ${OPEN_DAYS} then
              case when p.r_state < 0.8 then 'CLOSED' when p.r_state < 0.9 then 'ANSWERED' when p.r_state < 0.96 then 'REJECTED' else 'DUPLICATE' end
            else (array['NEW', 'TRIAGED', 'DISPATCHED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RESOLVED', 'ON_HOLD'])[1 + floor(p.r_state * 10)::int] end,
       coalesce(cat.kind = 'EMERGENCY', false), 'PHONE',
       case when p.r_phone < 0.8 then '+62812' || lpad(floor(${PHONE_POOL} * power(p.r_phone / 0.8, 1.5))::text, 8, '0') end,
       case when p.r_point < 0.9 then d.lat + sin(p.d * 7 + p.v * 1.3) * d.spread + p.jy * 0.02 end,
       case when p.r_point < 0.9 then d.lon + cos(p.d * 5 + p.v * 2.1) * d.spread + p.jx * 0.02 end,
       d.code, initcap(lower(d.code)) || ' ' || (p.v + 1), cat.code, cat.opd,
       ($4::text[])[1 + p.t] || ' di ' || initcap(lower(d.code)) || ' ' || (p.v + 1), 'id',
       p.reported_at, p.reported_at, p.reported_at, 'lookup-bench',
       case when p.r_age * ${DAYS} <= ${OPEN_DAYS} and p.r_state < 0.9 then p.reported_at + (2 + p.r_state * 70) * interval '1 hour' else '2199-12-31T00:00:00Z' end
  from p
  join (values ${DISTRICTS.map((x, i) => `(${i}, '${x.code}', ${x.lat}, ${x.lon}, ${x.spread})`).join(', ')}) as d(i, code, lat, lon, spread) on d.i = p.d
  left join cat on cat.i = p.ci`;

export interface Category {
  readonly code: string;
  readonly opd: string;
  readonly kind: string;
}

export async function activeCategories(client: Client): Promise<Category[]> {
  const { rows } = await client.query<Category>(`select code, opd_code as opd, default_kind as kind from opd_category where admin_active and in_code order by code`);
  return rows;
}

/** Adds tickets up to `total` (numbered on from the current count), then ANALYZE. */
export async function growTickets(client: Client, from: number, total: number, categories: readonly Category[], now: Date, log: (line: string) => void): Promise<void> {
  for (let start = from + 1; start <= total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK - 1);
    await client.query(INSERT_CHUNK, [start, end, JSON.stringify(categories), DESCRIPTIONS, now]);
    if (end % 200_000 === 0 || end === total) log(`  ${end.toLocaleString('en')} tickets`);
  }
  await client.query('ANALYZE ticket');
}
