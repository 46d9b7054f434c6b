import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { ActorRole } from '../../actor';
import { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from '../domain/ticket.enums';
import { TicketCommand, TicketState } from '../lifecycle';
import type { TicketCount, TicketCountMode } from '../queries/count-tickets/count-tickets.query';
import type { TicketFilter } from '../queries/list-tickets/list-tickets.query';
import './ticket-graphql.enums';

@ObjectType('Reporter')
export class ReporterModel {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +6281234567890' }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag' }) language!: string | null;
  @Field(() => String, { nullable: true, description: 'National ID number (16 digits)' }) nik!: string | null;
  @Field() anonymous!: boolean;
  @Field() confidential!: boolean;
  @Field({ description: 'False when name, phone, e-mail and NIK are withheld from you (your role, another OPD, or an anonymous report).' })
  identityVisible!: boolean;
}

@ObjectType('TicketLocation')
export class TicketLocationModel {
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'District code, e.g. KINTAMANI' }) district!: string | null;
  @Field(() => String, { nullable: true }) village!: string | null;
  @Field(() => String, { nullable: true }) landmark!: string | null;
}

@ObjectType('Attachment')
export class AttachmentModel {
  @Field() url!: string;
  @Field() mediaType!: string;
  @Field(() => Int, { nullable: true }) sizeBytes!: number | null;
}

@ObjectType('AttributeAnswer')
export class AttributeAnswerModel {
  @Field() code!: string;
  @Field(() => [String]) values!: string[];
}

@ObjectType('TicketEvent', { description: 'One entry of the audit trail.' })
export class TicketEventModel {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Position in the ticket history; equals the version it produced.' }) seq!: number;
  @Field({ description: 'CREATED, a TicketCommand, or DUPLICATE_MERGED' }) type!: string;
  @Field(() => TicketState, { nullable: true }) fromState!: TicketState | null;
  @Field(() => TicketState) toState!: TicketState;
  @Field() actorId!: string;
  @Field(() => ActorRole) actorRole!: ActorRole;
  @Field(() => String, { nullable: true }) actorOpd!: string | null;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => GraphQLJSON, { description: 'The inputs of the command (reason, note, assignee…)' })
  payload!: Record<string, unknown>;
}

@ObjectType('Ticket')
export class TicketModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Human-readable number, e.g. BGL-2026-000123' }) number!: string;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => TicketState) state!: TicketState;
  @Field(() => TicketState, { nullable: true, description: 'While ON_HOLD: the state RESUME returns to' })
  heldFrom!: TicketState | null;
  @Field({ description: 'Whether the OPD must attend the location' }) fieldResponse!: boolean;
  @Field(() => TicketChannel) channel!: TicketChannel;
  @Field(() => SocialPlatform, { nullable: true }) channelPlatform!: SocialPlatform | null;
  @Field(() => String, { nullable: true }) channelAccount!: string | null;
  @Field(() => String, { nullable: true }) channelReference!: string | null;
  /** Withheld (no name, phone, e-mail or NIK) unless identity's field resolver decides the caller may see it. */
  @Field(() => ReporterModel) reporter!: ReporterModel;
  /**
   * The reporter as recorded; never a GraphQL field. Only the reporter
   * field's resolver reads it, so a schema without that resolver shows the
   * withheld record: the default fails closed.
   */
  reporterOnRecord!: ReporterModel;
  @Field(() => TicketLocationModel) location!: TicketLocationModel;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => String, { nullable: true, description: 'The responsible OPD' }) opdCode!: string | null;
  @Field() description!: string;
  @Field() descriptionLanguage!: string;
  @Field(() => String, { nullable: true }) translation!: string | null;
  @Field(() => String, { nullable: true }) translationLanguage!: string | null;
  @Field(() => [AttributeAnswerModel], { description: "Answers to the category's questions" }) attributes!: AttributeAnswerModel[];
  @Field(() => [AttachmentModel]) attachments!: AttachmentModel[];
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { nullable: true }) assignedUnit!: string | null;
  @Field(() => String, { nullable: true }) assignedOfficer!: string | null;
  @Field(() => ID, { nullable: true, description: 'The surviving ticket, when this one is a DUPLICATE' })
  duplicateOfId!: string | null;
  @Field(() => String, { nullable: true, description: 'The answer, resolution note or rejection reason' })
  outcomeNote!: string | null;
  @Field(() => Int) reopenCount!: number;
  @Field(() => GraphQLISODateTime, { description: 'When the citizen reported: the start of every SLA clock' })
  reportedAt!: Date;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the next SLA clock breaches: the earliest due time of a running clock (null: none runs). The DUE_SOONEST order.',
  })
  nextDueAt!: Date | null;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) triagedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) dispatchedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) departedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) onSiteAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) rejectedAt!: Date | null;
  @Field(() => Int, { description: 'Send it back as expectedVersion with the next command' }) version!: number;
  @Field(() => [TicketCommand], { description: 'Commands the lifecycle allows now (inputs aside)' })
  allowedCommands!: TicketCommand[];
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('TicketEdge')
export class TicketEdgeModel {
  @Field() cursor!: string;
  @Field(() => TicketModel) node!: TicketModel;
}

@ObjectType('TicketConnection')
export class TicketConnectionModel {
  @Field(() => [TicketEdgeModel]) edges!: TicketEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  /** The list's filter and scope, for totalCount (resolved only when selected); not a GraphQL field. */
  query!: { readonly filter: TicketFilter; readonly opdScope: string | null };
  /** totalCount and totalCountExact of one selection share one count per mode. */
  counts?: Map<TicketCountMode, Promise<TicketCount>>;
}
