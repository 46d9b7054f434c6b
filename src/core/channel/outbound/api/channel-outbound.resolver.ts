import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { CurrentActor } from '../../../actor';
import type { Actor } from '../../../actor';
import { atChannelEdge } from '../../api/channel-api.errors';
import { ChannelConversationModel, toConversationModel } from '../../api/conversation.graphql';
import { ConversationStore } from '../../infrastructure/conversation.store';
import { AnswerConversationCommand, AnswerConversationResult as Answered } from '../commands/answer-conversation/answer-conversation.command';
import { AttachConversationToTicketCommand } from '../commands/attach-conversation-to-ticket/attach-conversation-to-ticket.command';
import { ConversationTicketResult as Linked, CreateTicketFromConversationCommand } from '../commands/create-ticket-from-conversation/create-ticket-from-conversation.command';
import { ReplyToConversationCommand, ReplyToConversationResult as Replied } from '../commands/reply-to-conversation/reply-to-conversation.command';
import { UpdateChannelTemplateCommand } from '../commands/update-channel-template/update-channel-template.command';
import { ChannelTemplateStore, TemplateRecord } from '../application/channel-template.store';
import { EntityManager } from '@mikro-orm/postgresql';
import { entityManagerSql } from '../../../../infra/database/sql-runner';
import {
  AnswerConversationInput, AnswerConversationResult, ChannelTemplateModel, ConversationAnswered, ConversationReplyQueued, ConversationTicketLinked,
  ConversationTicketResult, CreateTicketFromConversationInput, ReplyToConversationInput, ReplyToConversationResult, toOutboundFailure, UpdateChannelTemplateInput,
} from './channel-outbound.graphql';

/** The call takers' answers to citizens, and the admins' templates. */
@Resolver()
export class ChannelOutboundResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => ReplyToConversationResult, { description: "Sends the citizen a reply (you must hold the conversation). Outside WhatsApp's 24-hour window only a template: CustomerWindowClosed otherwise." })
  async replyToConversation(@Args('input') input: ReplyToConversationInput, @CurrentActor() actor: Actor): Promise<typeof ReplyToConversationResult> {
    try {
      const r = await this.commandBus.execute<ReplyToConversationCommand, Replied>(new ReplyToConversationCommand({ ...input, actor }));
      return Object.assign(new ConversationReplyQueued(), { conversation: await this.conversation(r.conversationId), messageId: r.messageId, templateName: r.templateName, replayed: r.replayed });
    } catch (error) {
      // A reply never links a ticket: its failures are the union's.
      return toOutboundFailure(error, input.conversationId) as typeof ReplyToConversationResult;
    }
  }

  @Mutation(() => ConversationTicketResult, { description: 'Makes the conversation a SOCIAL_MEDIA ticket (platform, account, message reference, reporter handle and language kept); the citizen is told its number.' })
  async createTicketFromConversation(@Args('input') input: CreateTicketFromConversationInput, @CurrentActor() actor: Actor): Promise<typeof ConversationTicketResult> {
    try {
      return await this.linked(await this.commandBus.execute<CreateTicketFromConversationCommand, Linked>(new CreateTicketFromConversationCommand({ ...input, actor })));
    } catch (error) {
      return toOutboundFailure(error, input.conversationId);
    }
  }

  @Mutation(() => ConversationTicketResult, { description: "Joins the conversation to an existing ticket (the same incident); the citizen is told the ticket's number and hears its milestones." })
  async attachConversationToTicket(
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @CurrentActor() actor: Actor,
  ): Promise<typeof ConversationTicketResult> {
    try {
      return await this.linked(await this.commandBus.execute<AttachConversationToTicketCommand, Linked>(new AttachConversationToTicketCommand({ conversationId, ticketId, actor })));
    } catch (error) {
      return toOutboundFailure(error, conversationId);
    }
  }

  @Mutation(() => AnswerConversationResult, { description: 'Answers an information request in one step: an INFORMATION ticket recorded as answered, the answer sent, the conversation closed.' })
  async answerConversation(@Args('input') input: AnswerConversationInput, @CurrentActor() actor: Actor): Promise<typeof AnswerConversationResult> {
    try {
      const r = await this.commandBus.execute<AnswerConversationCommand, Answered>(new AnswerConversationCommand({ ...input, actor }));
      return Object.assign(new ConversationAnswered(), { conversation: await this.conversation(r.conversationId), ticketId: r.ticketId, ticketNumber: r.ticketNumber, messageId: r.messageId });
    } catch (error) {
      // An answer names no existing ticket: its failures are the union's.
      return toOutboundFailure(error, input.conversationId) as typeof AnswerConversationResult;
    }
  }

  @Query(() => [ChannelTemplateModel], { description: 'What citizens are told (milestones, follow-up), per key and language.' })
  async channelTemplates(): Promise<ChannelTemplateModel[]> {
    return (await ChannelTemplateStore.all(entityManagerSql(this.em.fork()))).map(toTemplateModel);
  }

  @Mutation(() => ChannelTemplateModel, { description: 'Creates or edits a template; give the version you saw to be told of a concurrent edit.' })
  updateChannelTemplate(@Args('input') input: UpdateChannelTemplateInput, @CurrentActor() actor: Actor): Promise<ChannelTemplateModel> {
    return atChannelEdge(async () => toTemplateModel(await this.commandBus.execute<UpdateChannelTemplateCommand, TemplateRecord>(new UpdateChannelTemplateCommand({
      key: input.key, language: input.language, body: input.body, whatsappName: input.whatsappName ?? null, expectedVersion: input.version ?? null, actor,
    }))));
  }

  private async linked(r: Linked): Promise<ConversationTicketLinked> {
    return Object.assign(new ConversationTicketLinked(), { conversation: await this.conversation(r.conversationId), ticketId: r.ticketId, ticketNumber: r.ticketNumber, created: r.created });
  }

  private async conversation(id: string): Promise<ChannelConversationModel> {
    const row = (await ConversationStore.read(entityManagerSql(this.em.fork()), id))!;
    return toConversationModel(row, this.clock.now());
  }
}

function toTemplateModel(t: TemplateRecord): ChannelTemplateModel {
  return { id: t.id, key: t.key, language: t.language, body: t.body, whatsappName: t.whatsappName, version: t.version, updatedBy: t.updatedBy, updatedAt: t.updatedAt };
}
