import { Module } from '@nestjs/common';
import { DeadLetterDesk } from './dead-letter-desk.service';
import { DeadLetterResolver } from './dead-letter.resolver';

/** The admin's view of the outbox's dead letters, and their replay. */
@Module({
  providers: [DeadLetterDesk, DeadLetterResolver],
  exports: [DeadLetterDesk],
})
export class DeadLettersModule {}
