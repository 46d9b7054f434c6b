import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { District } from '../../reference/district.entity';
import { TicketException } from '../domain/ticket.exception';

/** Districts are reference data an admin edits, so codes are checked against the table. */
@Injectable()
export class DistrictCheck {
  constructor(private readonly em: EntityManager) {}

  async assertKnown(code: string): Promise<void> {
    const found = await this.em.fork().count(District, { code, active: true });
    if (found === 0) throw TicketException.invalidInput([`district ${code} is not an active district code`]);
  }
}
