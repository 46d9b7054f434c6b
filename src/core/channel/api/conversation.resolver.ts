import { Inject } from '@nestjs/common';
import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { type Actor, type ActorContext, ActorRole, CurrentActor } from '../../actor';
import { accessFor, ReporterAccessRecorder } from '../../identity';
import { ConversationInbox } from '../application/conversation-inbox';
import { ConversationState } from '../domain/channel.enums';
import { atChannelEdge } from './channel-api.errors';
import {
  ChannelConversationModel, ChannelMessageModel, ChannelSenderModel, ClaimConversationResult, ConversationAlreadyClaimed, ConversationClaimed,
  ConversationClosed, ConversationNotFound, toConversationModel, toMessageModel,
} from './conversation.graphql';

/** Sender identity follows Ticket.reporter's rule: the call centre sees it; anonymous reports only the call centre. */
const IDENTITY_RULE = 'Ticket.reporter';
const ANONYMOUS_READERS: ReadonlySet<ActorRole> = new Set([ActorRole.CALL_TAKER, ActorRole.SUPERVISOR]);

interface SenderContext extends ActorContext {
  senderReads?: Map<string, DataLoader<string, true>>;
}

/** The conversation inbox (call centre; auditors read). */
@Resolver(() => ChannelConversationModel)
export class ConversationResolver {
  constructor(
    private readonly inbox: ConversationInbox,
    private readonly log: ReporterAccessRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [ChannelConversationModel], { description: 'Open conversations (WAITING longest-waiting first, then CLAIMED) unless states are given; mine: only those you hold.' })
  async channelConversations(
    @CurrentActor() actor: Actor,
    @Args('states', { type: () => [ConversationState], nullable: true }) states?: ConversationState[] | null,
    @Args('mine', { type: () => Boolean, nullable: true }) mine?: boolean | null,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<ChannelConversationModel[]> {
    const now = this.clock.now();
    return (await this.inbox.list(actor, { states, mine, limit })).map((r) => toConversationModel(r, now));
  }

  @Query(() => ChannelConversationModel, { nullable: true })
  async channelConversation(@Args('id', { type: () => ID }) id: string): Promise<ChannelConversationModel | null> {
    const row = await this.inbox.get(id);
    return row ? toConversationModel(row, this.clock.now()) : null;
  }

  @Query(() => [ChannelMessageModel], { description: "A conversation's messages, oldest first (the newest `limit`, default 200)." })
  async channelMessages(
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('limit', { type: () => Int, nullable: true }) limit?: number | null,
  ): Promise<ChannelMessageModel[]> {
    return (await this.inbox.messages(conversationId, limit)).map(toMessageModel);
  }

  @Mutation(() => ClaimConversationResult, { description: 'Takes a waiting conversation so nobody else answers it. Of two call takers at once, one wins; the other gets ConversationAlreadyClaimed.' })
  async claimConversation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<typeof ClaimConversationResult> {
    const outcome = await this.inbox.claim(id, actor);
    switch (outcome.kind) {
      case 'claimed':
        return Object.assign(new ConversationClaimed(), { conversation: toConversationModel(outcome.row, this.clock.now()) });
      case 'taken':
        return Object.assign(new ConversationAlreadyClaimed(), { conversationId: id, claimedBy: outcome.claimedBy, claimedAt: outcome.claimedAt });
      case 'closed':
        return Object.assign(new ConversationClosed(), { conversationId: id });
      default:
        return Object.assign(new ConversationNotFound(), { conversationId: id });
    }
  }

  @Mutation(() => ChannelConversationModel, { description: 'Puts a conversation you hold back in the queue (a supervisor may release anyone\'s).' })
  releaseConversation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ChannelConversationModel> {
    return atChannelEdge(async () => toConversationModel(await this.inbox.release(id, actor), this.clock.now()));
  }

  @ResolveField(() => ChannelSenderModel)
  async sender(@Parent() conversation: ChannelConversationModel, @Context() ctx: SenderContext, @Info() info: GraphQLResolveInfo): Promise<ChannelSenderModel> {
    const root = rootKey(info.path);
    const actor = ctx.actors?.get(root);
    const row = conversation.row;
    const visible = !!actor && accessFor(IDENTITY_RULE, actor.role) === 'ALL' && (!row.reporter_anonymous || ANONYMOUS_READERS.has(actor.role));
    if (!actor || !visible) return { handle: null, name: null, identityVisible: false };
    const readers = (ctx.senderReads ??= new Map<string, DataLoader<string, true>>());
    if (!readers.has(root)) {
      const operation = `${info.operation.operation === 'subscription' ? 'Subscription' : info.operation.operation === 'mutation' ? 'Mutation' : 'Query'}.${String(rootField(info.path))}`;
      readers.set(root, new DataLoader<string, true>(async (keys) => {
        const entries = keys.map((k) => JSON.parse(k) as { handle: string; ticketId: string | null });
        await this.log.sendersRead(actor, operation, entries);
        return keys.map(() => true as const);
      }));
    }
    await readers.get(root)!.load(JSON.stringify({ handle: `${row.platform.toLowerCase()}:${row.sender_handle}`, ticketId: row.ticket_id }));
    return { handle: row.sender_handle, name: row.sender_name, identityVisible: true };
  }
}

function rootKey(path: GraphQLResolveInfo['path']): string {
  let node = path;
  while (node.prev) node = node.prev;
  return String(node.key);
}

/** The root field's name (its key may be an alias). */
function rootField(path: GraphQLResolveInfo['path']): string {
  return rootKey(path);
}
