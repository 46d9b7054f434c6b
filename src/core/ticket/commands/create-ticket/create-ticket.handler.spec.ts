import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '@nestjs/cqrs';
import { ACTOR, NOW } from '../../../../../test/support/ticket-command.harness';
import type { CategoryRouting } from '../../application/category-routing';
import type { DistrictCheck } from '../../application/district.check';
import type { TicketIntakeWriter } from '../../application/ticket-intake.writer';
import type { TicketSettings } from '../../application/ticket-settings';
import { MetricsRegistry } from '../../../../infra/metrics/metrics.registry';
import { TicketMetrics } from '../../application/ticket.metrics';
import { TicketChannel, TicketKind } from '../../domain/ticket.enums';
import { TicketErrorCode } from '../../domain/ticket.exception';
import { CreateTicketCommand } from './create-ticket.command';
import { CreateTicketHandler, requestDigest } from './create-ticket.handler';

const report = {
  kind: TicketKind.COMPLAINT,
  channel: TicketChannel.PHONE,
  description: 'Lampu lalu lintas mati',
  descriptionLanguage: 'id',
  location: { district: 'BANGLI', address: 'Jl. Merdeka' },
};

// The create path itself (sequence, insert, events, idempotency races) runs
// against PostgreSQL in test/integration/tickets; here: what happens before it.
describe('CreateTicketHandler', () => {
  const settings: TicketSettings = { numberPrefix: 'BGL', timeZone: 'Asia/Makassar', reopenWindowMs: 0 };
  const untouchable = new Proxy({}, { get: () => { throw new Error('the database must not be touched'); } });

  it('refuses a report that breaks the intake rules before touching the database', async () => {
    const handler = new CreateTicketHandler(
      untouchable as EntityManager,
      { now: () => NOW },
      settings,
      untouchable as DistrictCheck,
      untouchable as CategoryRouting,
      untouchable as TicketIntakeWriter,
      untouchable as EventBus,
      new TicketMetrics(new MetricsRegistry({ processMetrics: false })),
    );
    await expect(
      handler.execute(new CreateTicketCommand({ report: { ...report, reporter: { nik: '12' }, location: null }, actor: ACTOR })),
    ).rejects.toMatchObject({ code: TicketErrorCode.INVALID_INPUT, details: { problems: ['reporter.nik must be 16 digits'] } });
  });

  it('counts a create once its write committed, and nothing when the write fails', async () => {
    const metrics = new TicketMetrics(new MetricsRegistry({ processMetrics: false }));
    let fail = false;
    const writer = {
      write: async (head: string, build: Parameters<TicketIntakeWriter['write']>[1]) => {
        if (fail) throw new Error('connection lost');
        return Object.assign(build().ticket, { number: `${head}000007` });
      },
    } as unknown as TicketIntakeWriter;
    const handler = new CreateTicketHandler(
      untouchable as EntityManager,
      { now: () => NOW },
      settings,
      { assertKnown: async () => undefined } as unknown as DistrictCheck,
      untouchable as CategoryRouting,
      writer,
      { publish: () => undefined } as unknown as EventBus,
      metrics,
    );
    await handler.execute(new CreateTicketCommand({ report, actor: ACTOR }));
    fail = true;
    await expect(handler.execute(new CreateTicketCommand({ report, actor: ACTOR }))).rejects.toThrow('connection lost');

    const created = await metrics.created.get();
    expect(created.values).toEqual([{ labels: { channel: 'PHONE', kind: 'COMPLAINT' }, value: 1 }]);
    expect((await metrics.transitions.get()).values).toEqual([]);
  });

  it('identifies a retry whatever the key order, and tells a changed report apart', () => {
    const reordered = { location: { address: 'Jl. Merdeka', district: 'BANGLI' }, descriptionLanguage: 'id', description: report.description, channel: report.channel, kind: report.kind };
    expect(requestDigest(new CreateTicketCommand({ report: reordered, actor: ACTOR }))).toBe(requestDigest(new CreateTicketCommand({ report, actor: ACTOR })));
    expect(requestDigest(new CreateTicketCommand({ report: { ...report, description: 'Lampu mati' }, actor: ACTOR }))).not.toBe(
      requestDigest(new CreateTicketCommand({ report, actor: ACTOR })),
    );
    expect(requestDigest(new CreateTicketCommand({ report, actor: ACTOR, answer: 'answer' }))).not.toBe(requestDigest(new CreateTicketCommand({ report, actor: ACTOR })));
  });
});
