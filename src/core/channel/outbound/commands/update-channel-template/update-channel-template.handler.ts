import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { entityManagerSql } from '../../../../../infra/database/sql-runner';
import { ChannelException } from '../../../domain/channel.exception';
import { ChannelTemplateStore, TemplateRecord } from '../../application/channel-template.store';
import { TEMPLATE_KEYS, unknownPlaceholders } from '../../domain/milestone';
import { UpdateChannelTemplateCommand } from './update-channel-template.command';

/** WhatsApp Manager's rule for template names. */
const WHATSAPP_NAME = /^[a-z0-9_]{1,512}$/;

/**
 * Creates or changes a template in one statement; with the version read,
 * a concurrent edit is refused (VERSION_CONFLICT) rather than overwritten.
 */
@CommandHandler(UpdateChannelTemplateCommand)
export class UpdateChannelTemplateHandler implements ICommandHandler<UpdateChannelTemplateCommand, TemplateRecord> {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cmd: UpdateChannelTemplateCommand): Promise<TemplateRecord> {
    const problems = templateProblems(cmd);
    if (problems.length) throw ChannelException.invalidInput(problems);
    const sql = entityManagerSql(this.em.fork());
    const saved = await ChannelTemplateStore.upsert(sql, { key: cmd.key, language: cmd.language, body: cmd.body.trim(), whatsappName: cmd.whatsappName, expectedVersion: cmd.expectedVersion, actor: cmd.actor.userId }, this.clock.now());
    if (saved) return saved;
    const current = (await ChannelTemplateStore.all(sql)).find((t) => t.key === cmd.key && t.language === cmd.language);
    throw ChannelException.templateVersionConflict(`${cmd.key}/${cmd.language}`, cmd.expectedVersion ?? 0, current?.version ?? 0);
  }
}

/** Every problem of an edit, so the admin fixes them in one go. */
export function templateProblems(cmd: Pick<UpdateChannelTemplateCommand, 'key' | 'language' | 'body' | 'whatsappName'>): string[] {
  const problems: string[] = [];
  if (!TEMPLATE_KEYS.includes(cmd.key)) problems.push(`key must be one of ${TEMPLATE_KEYS.join(', ')}`);
  if (!/^[a-z]{2,3}$/.test(cmd.language)) problems.push('language must be a base language tag such as id or en');
  const body = cmd.body.trim();
  if (!body) problems.push('body must not be empty');
  if (body.length > 1024) problems.push('body must be at most 1024 characters (WhatsApp templates allow 1024)');
  const unknown = unknownPlaceholders(body);
  if (unknown.length) problems.push(`body uses unknown placeholders ${unknown.map((u) => `{{${u}}}`).join(', ')}: only {{ticketNumber}} and {{opdName}}`);
  if (cmd.whatsappName !== null && !WHATSAPP_NAME.test(cmd.whatsappName)) problems.push('whatsappName must be lower-case letters, digits and _ (as in WhatsApp Manager)');
  return problems;
}
