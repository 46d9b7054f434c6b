import { Embeddable, Property } from '@mikro-orm/core';

/**
 * Who reported. Every field is optional: a report without any identity is
 * allowed. `anonymous` hides identity from the OPDs; `confidential` keeps the
 * report itself off public channels (enforced by the access rules, not a label).
 */
@Embeddable()
export class Reporter {
  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  /** E.164, normalised at intake (e.g. +6281234567890). */
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** BCP 47 tag of the language the reporter wants to be answered in. */
  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  /** Nomor Induk Kependudukan: 16 digits. */
  @Property({ type: 'text', nullable: true })
  nik: string | null = null;

  @Property({ type: 'boolean', default: false })
  anonymous: boolean = false;

  @Property({ type: 'boolean', default: false })
  confidential: boolean = false;
}
