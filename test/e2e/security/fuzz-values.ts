// The values the hostile-input fuzz test sends: real ones from the data its
// beforeAll made, ordinary ones, and hostile ones (NUL, lone surrogates, long
// text, Int bounds, huge floats, dates from year 0 to +275760, non-UUID ids).
import fc from 'fast-check';
import {
  GraphQLArgument,
  GraphQLInputObjectType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { ManualClock } from '../../support/manual-clock';

/** The test's first instant: the clock starts here, and dates are made around it. */
export const START = '2026-11-28T02:00:00.000Z';

// ------------------------------------------------------------------ values

/** What beforeAll made, for values that reach past "not found". */
export interface Pools {
  ticketIds: string[];
  ticketNumbers: string[];
  staffIds: string[];
  apiKeyIds: string[];
  policyIds: string[];
  escalationIds: string[];
  calendarCodes: string[];
  districtCodes: string[];
  cursors: string[];
}

/** Values a field of some name holds: ones that pass validation, and odd ones that should not. */
export interface Likely {
  readonly valid: readonly string[];
  readonly odd: readonly string[];
}
export const likely = (valid: readonly string[], odd: readonly string[]): Likely => ({ valid, odd });

export const OPDS = likely(['BPBD', 'SATPOLPP-DAMKAR', 'PUPR-PERKIM', 'DISHUB', 'DINKES'], ['NOPE', 'bpbd']);
export const CATEGORIES = likely(['POHON_TUMBANG', 'TANAH_LONGSOR', 'JALAN_RUSAK', 'KEBAKARAN_BANGUNAN', 'PARKIR_LIAR'], ['NO_SUCH_CATEGORY', 'pohon']);
export const ATTRIBUTE_CODES = ['ROAD_BLOCKED', 'PEOPLE_TRAPPED', 'HIT', 'VICTIMS', 'DETAILS', 'HOUSES_AFFECTED'];
export const ATTRIBUTE_VALUES = likely(['YES', 'NO', 'UNKNOWN', 'FULLY', 'PARTLY', 'HOUSE', 'VEHICLE', '0', '3'], ['-1', '2147483648', '1e309', 'NaN', '3.5', 'yes']);
export const LANGUAGES = likely(['id', 'en', 'ban', 'ja', 'zh-Hant-TW'], ['x', 'zz-Qaaa-XX', 'not a tag', 'en-']);
export const PHONES = likely(['+6281234567890', '081234567890', '0366 91234', '+1 202 555 0100'], ['+999999999999999999', '12', 'phone']);
export const EMAILS = likely(['warga@example.org', 'budi.s@bangli.go.id'], ['a@b', '@', 'x@' + 'a'.repeat(300) + '.com', 'üñî@exämple.org']);
export const NIKS = likely(['5106011234560001', '5106014101900002'], ['0000000000000000', '51060112345600019', 'abc']);
export const URLS = likely(['https://example.org/foto.jpg', 'https://cdn.bangli.go.id/a/b.png'], ['http://localhost/x', 'javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'not a url']);
export const MEDIA_TYPES = likely(['image/jpeg', 'image/png', 'application/pdf', 'video/mp4'], ['text/html', 'x', '*/*']);
export const DATE_STRINGS = likely(['2026-12-25', '2027-01-04', '2026-12-31'], ['2026-02-30', '0000-01-01', '1899-12-31', '2200-01-01', '+275760-09-13', '9999-12-31', '2026-13-01', '26-12-25']);
export const TIMES = likely(['08:00', '16:00', '07:30', '12:00'], ['00:00', '23:59', '24:00', '25:99', '8', '08:00:00', '-01:00']);
export const TIME_ZONES = likely(['Asia/Makassar', 'Asia/Jakarta', 'UTC'], ['Etc/GMT+14', 'Mars/Olympus_Mons', 'local']);
export const PERMISSION_NAMES = likely(['Query.tickets', 'Query.ticket', 'Mutation.acknowledgeTicket', 'Mutation.addNote'], ['Mutation.createTicket', 'Query.staffUsers', 'Mutation.login', 'Nope.nope']);
export const KIND_STRINGS = likely(['COMPLAINT', 'EMERGENCY', 'INFORMATION'], ['complaint', 'NOPE']);
export const ORDINARY = ['Jalan rusak di depan pasar', 'Pohon tumbang menutup jalan Kintamani', 'ok', 'Regu 1', 'Budi', 'Sudah ditangani', 'Menunggu pelapor', 'Kantor camat', 'Desa Batur'];

export const HOSTILE_TEXT: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udc00\ud800', 'ok\ud83d', '\ufeff', '\u202eevil', '\r\n\t', 'e\u0301',
  '🙂', '🇮🇩', 'ᬩᬮᬶ', 'ﷺ', '日本語', "' OR 1=1 --", '%', '_', '\\', '%_\\%', '$1', '?', '::text', '<script>alert(1)</script>',
  '../../etc/passwd', '${jndi:ldap://x}', 'null', 'undefined', 'NaN', '-0', '1e309', '__proto__', 'constructor',
];

/** Any UTF-16 code unit: NUL, controls, lone surrogates, private use. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  // 4,000-10,000 characters of one kind (repeat: cheap to build and to shrink).
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 4000, max: 10000 }), fc.constantFrom('a', 'é', '🙂', 'ᬩ', ' ', '%', '\u0000', 'x\ud800'))
      .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length))),
  },
  // An ordinary value with a hostile character inside.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...ORDINARY, ...OPDS.valid, ...CATEGORIES.valid), fc.constantFrom('\u0000', '\ud800', '\udc00', '%', "'", '🙂'))
      .map(([text, bad]) => `${text.slice(0, 3)}${bad}${text.slice(3)}`),
  },
);

/** The values a field of this name usually holds, real ones first. */
export function likelyStrings(name: string, pools: Pools): Likely | null {
  const n = name.toLowerCase();
  if (n === 'opd' || n.endsWith('opdcode') || n === 'actoropd') return OPDS;
  if (n === 'categorycode') return CATEGORIES;
  if (n === 'code') return likely([...CATEGORIES.valid, ...ATTRIBUTE_CODES, ...pools.calendarCodes, 'NEW_CAL_1'], ['x', 'NOPE', ...CATEGORIES.odd]);
  if (n === 'district') return likely(pools.districtCodes, ['NOPE', 'bangli']);
  if (n === 'number') return likely(pools.ticketNumbers, ['BGL-0000-000000', 'X']);
  if (n.includes('language')) return LANGUAGES;
  if (n === 'phone') return PHONES;
  if (n === 'email') return EMAILS;
  if (n === 'nik') return NIKS;
  if (n.endsWith('url')) return URLS;
  if (n === 'mediatype') return MEDIA_TYPES;
  if (n === 'date' || n === 'effectivefrom') return DATE_STRINGS;
  if (n === 'open' || n === 'close') return TIMES;
  if (n === 'timezone') return TIME_ZONES;
  if (n === 'permissions') return PERMISSION_NAMES;
  if (n === 'kind') return KIND_STRINGS;
  if (n === 'values') return ATTRIBUTE_VALUES;
  if (n === 'calendar') return likely(pools.calendarCodes, ['NOPE']);
  if (n === 'after') return likely(pools.cursors.slice(0, 1), pools.cursors.slice(1));
  if (n === 'idempotencykey') return likely(['fuzz-key-0001', 'fuzz-key-0002'], ['k', 'a'.repeat(200)]);
  if (n === 'username' || n === 'actorid') return likely(['budi.santoso', 'fz-target-1', 'made.ayu'], ['ab', 'UPPER', 'a'.repeat(65)]);
  if (n.includes('password') || n === 'secret' || n === 'refreshtoken') return likely(['correct horse battery'], ['short', 'sgp_x_y', 'eyJhbGciOiJub25lIn0.e30.', 'a'.repeat(200)]);
  return null;
}

/** Text PostgreSQL stores but columns and validators may not expect: long, unicode, quotes and wildcards. */
export const storableHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 4000, max: 10000 }).chain((n) => fc.constantFrom('a', 'é', '🙂', 'ᬩ').map((unit) => unit.repeat(Math.ceil(n / unit.length)))) },
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 1200 }).map((n) => 'x'.repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '🙂', '🇮🇩', 'ᬩᬮᬶ', "' OR 1=1 --", '%', '_', '\\', '%_\\%', '$1', 'e\u0301', '\ufeff', '\r\n') },
);

export function stringArb(name: string, ctx: ValueContext): fc.Arbitrary<string> {
  const known = likelyStrings(name, ctx.pools);
  const hostile = ctx.profile === 'hostile';
  const choices: Array<fc.WeightedArbitrary<string>> = [];
  // Ordinary: about 1 leaf in 20 odd, so that a whole input often passes validation.
  if (known?.valid.length) choices.push({ weight: hostile ? 4 : 40, arbitrary: fc.constantFrom(...known.valid) });
  if (known?.odd.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...known.odd) });
  choices.push(
    { weight: known ? 1 : hostile ? 8 : 40, arbitrary: fc.constantFrom(...ORDINARY) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: hostile ? 6 : 1, arbitrary: hostile ? hostileString : storableHostileString },
  );
  return fc.oneof(...choices);
}

/** Real ids of the kind this operation takes, random UUIDs, and ids that are not UUIDs. */
export function idArb(ctx: ValueContext, name: string): fc.Arbitrary<string> {
  const { root, pools } = ctx;
  const real = /Escalation/.test(root)
    ? pools.escalationIds
    : /Staff/.test(root)
      ? pools.staffIds
      : /ApiKey/.test(root)
        ? pools.apiKeyIds
        : /SlaPolicy/.test(root) && name === 'id'
          ? pools.policyIds
          : pools.ticketIds;
  const any = [...pools.ticketIds, ...pools.staffIds, ...pools.apiKeyIds, ...pools.policyIds, ...pools.escalationIds];
  return fc.oneof(
    ...(real.length ? [{ weight: ctx.profile === 'hostile' ? 6 : 30, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...any) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '6F1C2A0E-8F47-4D4B-9A51-0A4C1F3E2B10') },
    { weight: 2, arbitrary: fc.constantFrom('1', '0', '-1', '2147483648', 'abc', '6f1c2a0e-8f47-4d4b-9a51', '{6f1c2a0e-8f47-4d4b-9a51-0a4c1f3e2b10}', ...pools.ticketNumbers) },
    { weight: ctx.profile === 'hostile' ? 2 : 1, arbitrary: ctx.profile === 'hostile' ? hostileString : storableHostileString },
  );
}

export const INT_EDGES = [0, -1, 2147483647, -2147483648, 2147483646, -2147483647, 65536, 1_000_000_000];

export function intArb(ctx: ValueContext, name: string): fc.Arbitrary<number> {
  const ordinary = /version/i.test(name)
    ? fc.constantFrom(1, 2, 3, 4)
    : name === 'weekday'
      ? fc.integer({ min: 1, max: 7 })
      : name === 'targetMinutes'
        ? fc.constantFrom(15, 60, 240, 1440, 4320)
        : fc.constantFrom(0, 1, 2, 3, 5, 7, 10, 60, 100, 1440);
  return fc.oneof(
    { weight: ctx.profile === 'hostile' ? 2 : 40, arbitrary: ordinary },
    { weight: 2, arbitrary: fc.constantFrom(...INT_EDGES) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.integer({ min: -10, max: 10 }) },
  );
}

export const floatArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, 1, -1, 0.5, -8.42, 115.35, 90, -90, 180, -180, 90.000001, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 2147483648, Number.MAX_SAFE_INTEGER, 2 ** 60) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

export const EDGE_DATES = fc.constantFrom(
  '0000-01-01T00:00:00.000Z', '1899-12-31T23:59:59.999Z', '1900-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z',
  '2199-12-31T23:59:59.999Z', '2200-01-01T00:00:00.000Z', '2500-06-15T12:00:00.000Z', '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+010000-01-01T00:00:00.000Z',
  '2026-12-02T10:00:00+08:00', '2026-12-02', 'not a date', '', '2026-02-30T00:00:00Z', START,
);

export function dateTimeArb(ctx: ValueContext): fc.Arbitrary<string> {
  const now = ctx.clock.now().getTime();
  return fc.oneof(
    { weight: ctx.profile === 'hostile' ? 16 : 1, arbitrary: EDGE_DATES },
    // Around the app clock, where policies, reports and compliance windows live.
    { weight: 16, arbitrary: fc.integer({ min: -30 * 86_400, max: 30 * 86_400 }).map((s) => new Date(now + s * 1000).toISOString()) },
    { weight: 3, arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  );
}

/**
 * How the leaves are drawn: `hostile`, over a third of them hostile (most
 * operations stop at the input checks); `ordinary`, real and ordinary values
 * with now and then a long or odd one that passes the input checks, so that
 * cases reach the commands and the database.
 */
export type Profile = 'hostile' | 'ordinary';

export interface ValueContext {
  readonly profile: Profile;
  readonly root: string;
  readonly pools: Pools;
  readonly clock: ManualClock;
}

/** A value of `type` (nullable: sometimes null), named `name` in its parent. */
export function valueArb(type: GraphQLInputType, name: string, ctx: ValueContext, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return innerValueArb(type.ofType, name, ctx, depth);
  return fc.oneof({ weight: 5, arbitrary: innerValueArb(type, name, ctx, depth) }, { weight: 1, arbitrary: fc.constant(null) });
}

export function innerValueArb(type: GraphQLInputType, name: string, ctx: ValueContext, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (isListType(type)) {
    const item = valueArb(type.ofType, name, ctx, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: ctx.profile === 'hostile' ? 1 : 0, arbitrary: fc.array(item, { minLength: 50, maxLength: 200 }) },
    );
  }
  if (isInputObjectType(type)) return inputObjectArb(type, ctx, depth + 1);
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String': return stringArb(name, ctx);
      case 'ID': return idArb(ctx, name);
      case 'Int': return intArb(ctx, name);
      case 'Float': {
        if (ctx.profile === 'hostile') return floatArb;
        // Coordinates in range, or fractions (SLA warnings); printable as the validators expect.
        const ordinary = name === 'warnings' ? fc.constantFrom(0.5, 0.75, 0.9) : fc.integer({ min: -90_000_000, max: 90_000_000 }).map((n) => n / 1e6);
        return fc.oneof({ weight: 8, arbitrary: ordinary }, { weight: 1, arbitrary: floatArb });
      }
      case 'Boolean': return fc.boolean();
      case 'DateTime': return dateTimeArb(ctx);
      case 'JSON': return fc.jsonValue({ maxDepth: 3 });
    }
  }
  throw new Error(`no generator for input type ${String(type)}`);
}

/** Required fields always; optional ones sometimes left out, sometimes null. */
export function inputObjectArb(type: GraphQLInputObjectType, ctx: ValueContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const model = Object.fromEntries(fields.map((f) => [f.name, valueArb(f.type, f.name, ctx, depth)]));
  const requiredKeys = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
  return fc.record(model, { requiredKeys });
}

export interface Leaf {
  readonly path: ReadonlyArray<string | number>;
  readonly type: string;
}

/** The String, ID, Int, Float and DateTime leaves of `value` (of `type`), with their paths. */
export function hostileLeaves(value: unknown, type: GraphQLInputType, path: Array<string | number>): Leaf[] {
  if (value === null || value === undefined) return [];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.isArray(value) ? value.flatMap((item, i) => hostileLeaves(item, inner.ofType, [...path, i])) : [];
  if (isInputObjectType(inner)) {
    return Object.values(inner.getFields()).flatMap((f) => hostileLeaves((value as Record<string, unknown>)[f.name], f.type, [...path, f.name]));
  }
  return isScalarType(inner) && inner.name !== 'Boolean' && inner.name !== 'JSON' ? [{ path, type: inner.name }] : [];
}

export function hostileValueArb(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'Int': return fc.oneof(fc.constantFrom(...INT_EDGES), fc.integer());
    case 'Float': return floatArb;
    case 'DateTime': return EDGE_DATES;
    default: return hostileString;
  }
}

export function withOneHostileLeaf(variables: Record<string, unknown>, args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const leaves = args.flatMap((a) => hostileLeaves(variables[a.name], a.type, [a.name]));
  if (!leaves.length) return fc.constant(variables);
  return fc.constantFrom(...leaves).chain((leaf) =>
    hostileValueArb(leaf.type).map((bad) => {
      const copy = structuredClone(variables);
      const parent = leaf.path.slice(0, -1).reduce<any>((o, k) => o[k], copy);
      parent[leaf.path[leaf.path.length - 1]] = bad;
      return copy;
    }),
  );
}

