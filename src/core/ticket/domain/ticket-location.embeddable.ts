import { Embeddable, Property } from '@mikro-orm/core';

/** Where help is needed. Any part may be missing at intake and added at triage. */
@Embeddable()
export class TicketLocation {
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  /** A district code (reference table `district`). */
  @Property({ type: 'text', nullable: true })
  district: string | null = null;

  @Property({ type: 'text', nullable: true })
  village: string | null = null;

  @Property({ type: 'text', nullable: true })
  landmark: string | null = null;
}
