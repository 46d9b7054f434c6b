import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, GraphQLSchema, isObjectType } from 'graphql';
import { accessFor, GRANTED_ROLES, OPERATIONS } from '../../../src/core/identity/domain/permissions';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS, MATRIX_CASE_TIMEOUT_MS } from '../../support/timeouts';
import { describeApiKeys } from './api-key.checks';
import { describeIdGuessing } from './id-guessing.checks';
import { caseLabel, casesFor, Fixture, runCase } from './matrix-cases';
import { ADMIN_FIXTURES } from './matrix-fixtures-admin';
import { ATTACHMENT_FIXTURES } from './matrix-fixtures-attachments';
import { DELIVERY_FIXTURES } from './matrix-fixtures-delivery';
import { LOOKUP_FIXTURES } from './matrix-fixtures-lookup';
import { OPEN311_FIXTURES } from './matrix-fixtures-open311';
import { TICKET_FIXTURES } from './matrix-fixtures-tickets';
import { WEBHOOK_FIXTURES } from './matrix-fixtures-webhooks';
import { buildWorld, World } from './matrix-world';
import { CHANNEL_FIXTURES } from './matrix-fixtures-channels';
import { CHANNEL_OUTBOUND_FIXTURES } from './matrix-fixtures-channel-outbound';
import { describeReporterIdentity } from './reporter-identity.checks';

// The authorization matrix of the issue, generated from the one permission
// table (src/core/identity/domain/permissions.ts): every role, and a caller
// without credentials, × every operation × the own and a foreign OPD, with
// the allow/deny the table says. OWN_OPD roles on another OPD's data must see
// and change nothing of it. Ticket.reporter, id guessing and API keys with a
// single permission follow.

const FIXTURES: Fixture[] = [...TICKET_FIXTURES, ...ADMIN_FIXTURES, ...WEBHOOK_FIXTURES, ...DELIVERY_FIXTURES, ...LOOKUP_FIXTURES, ...ATTACHMENT_FIXTURES, ...OPEN311_FIXTURES, ...CHANNEL_FIXTURES, ...CHANNEL_OUTBOUND_FIXTURES];
const FIELD_RULES = OPERATIONS.filter((op) => !/^(Query|Mutation|Subscription)\./.test(op));
// Subscriptions are checked over graphql-ws in test/e2e/delivery/subscriptions.e2e-spec.ts.
const SUBSCRIPTIONS = OPERATIONS.filter((op) => op.startsWith('Subscription.'));
const ROOT_OPERATIONS = OPERATIONS.filter((op) => !FIELD_RULES.includes(op) && !SUBSCRIPTIONS.includes(op));

function fieldsOf(schema: GraphQLSchema, type: string): string[] {
  const found = schema.getType(type);
  return found && isObjectType(found) ? Object.keys(found.getFields()) : [];
}

function rootFields(schema: GraphQLSchema): string[] {
  return ['Query', 'Mutation'].flatMap((type) => fieldsOf(schema, type).map((field) => `${type}.${field}`)).sort();
}

describe('authorization matrix over POST /graphql', () => {
  let t: TestApp;
  let world: World;
  const getWorld = (): World => world;

  beforeAll(async () => {
    t = await startTestApp(
      // Every case calls public operations as one client: lift the per-address budgets; a scrypt cost fit for tests.
      { LOGIN_RATE_LIMIT_PER_MINUTE: '10000', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', AUTH_SCRYPT_LOG_N: '10' },
      new ManualClock('2026-11-28T02:00:00Z'),
    );
    // Boots the app, then builds the world through the API: a few dozen tickets, users, keys and escalations.
    world = await buildWorld(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t?.close(), BOOT_TIMEOUT_MS);

  describe('the permission table and the schema', () => {
    it('has a rule for every root field of schema.gql, and every rule names a root field', () => {
      const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
      expect(rootFields(schema)).toEqual([...ROOT_OPERATIONS].sort());
    });

    it('has a rule for every root field the running app serves, and no rule without one', () => {
      expect(rootFields(t.app.get(GraphQLSchemaHost).schema)).toEqual([...ROOT_OPERATIONS].sort());
    });

    it('has a rule for every subscription, and every subscription rule names one', () => {
      const served = fieldsOf(t.app.get(GraphQLSchemaHost).schema, 'Subscription').map((f) => `Subscription.${f}`);
      expect(served.sort()).toEqual([...SUBSCRIPTIONS].sort());
    });

    it('guards fields that exist: Ticket.reporter', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      for (const rule of FIELD_RULES) {
        const [type, field] = rule.split('.');
        expect(fieldsOf(schema, type)).toContain(field);
      }
      expect(FIELD_RULES).toEqual(['Ticket.reporter']);
    });

    it('has exactly one matrix fixture per root operation', () => {
      expect(FIXTURES.map((f) => f.op).sort()).toEqual([...ROOT_OPERATIONS].sort());
    });
  });

  describe.each(FIXTURES.map((f) => [f.op, f] as const))('%s', (_op, fixture) => {
    it.each(casesFor(fixture).map((c) => [caseLabel(c), c] as const))('%s', async (_label, c) => {
      await runCase(world, fixture, c);
    }, MATRIX_CASE_TIMEOUT_MS);
  });

  describe('the hidden checks are not vacuous: an actor with ALL access on the foreign data fails them', () => {
    // acknowledgeEscalation is left out: this would acknowledge the escalation the refused cases keep pristine.
    const probes = FIXTURES.filter((f) => GRANTED_ROLES.some((r) => accessFor(f.op, r) === 'OWN_OPD') && f.op !== 'Mutation.acknowledgeEscalation');
    it.each(probes.map((f) => [f.op, f] as const))('%s', async (op, fixture) => {
      const role = GRANTED_ROLES.find((r) => accessFor(op, r) === 'ALL')!;
      await expect(runCase(world, fixture, { role, target: 'foreign', outcome: 'hidden' })).rejects.toThrow();
    }, MATRIX_CASE_TIMEOUT_MS);
  });

  describeReporterIdentity(getWorld);
  describeIdGuessing(getWorld);
  describeApiKeys(getWorld, FIXTURES);
});
