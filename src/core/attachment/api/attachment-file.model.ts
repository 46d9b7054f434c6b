import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttachmentKind } from '../media/media.sanitizer';

registerEnumType(AttachmentKind, { name: 'AttachmentKind', description: 'What an uploaded file is, sniffed from its bytes.' });

@ObjectType('AttachmentFile', { description: 'An uploaded photo, voice note or document (POST /attachments), bound to the ticket by a command.' })
export class AttachmentFileModel {
  @Field(() => ID) id!: string;
  @Field(() => AttachmentKind) kind!: AttachmentKind;
  @Field({ description: 'Sniffed from the bytes, e.g. image/jpeg, audio/ogg, application/pdf' }) mediaType!: string;
  @Field(() => Int, { description: 'Bytes as stored (metadata removed)' }) size!: number;
  @Field(() => GraphQLISODateTime, { description: 'When it was uploaded' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When a command attached it to the ticket' }) attachedAt!: Date;
  @Field(() => Int, { description: 'The ticket event (seq) that attached it' }) eventSeq!: number;
  @Field(() => Float, { nullable: true, description: "The photo's EXIF GPS latitude, kept as proof (the file itself no longer carries it)" }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field({ description: 'A signed download link, relative to the API (GET /attachments/:id?exp=…&sig=…); short-lived: read the ticket again for a fresh one' })
  url!: string;
  @Field(() => GraphQLISODateTime) urlExpiresAt!: Date;
}
