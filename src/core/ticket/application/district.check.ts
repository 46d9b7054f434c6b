import { Injectable } from '@nestjs/common';
import { DistrictDirectory } from '../../reference';
import { TicketException } from '../domain/ticket.exception';

/** A ticket's district must be an active district code (reference data, asked of its owner). */
@Injectable()
export class DistrictCheck {
  constructor(private readonly districts: DistrictDirectory) {}

  async assertKnown(code: string): Promise<void> {
    if (!(await this.districts.isActive(code))) throw TicketException.invalidInput([`district ${code} is not an active district code`]);
  }
}
