import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128000000_foundation } from './Migration20261128000000-foundation';
import { Migration20261128194229_tickets } from './Migration20261128194229-tickets';
import { Migration20261128195915_opd_catalog } from './Migration20261128195915-opd_catalog';
import { Migration20261128202500_ticket_last_event_seq } from './Migration20261128202500-ticket_last_event_seq';
import { Migration20261128215923_sla_engine } from './Migration20261128215923-sla_engine';
import { Migration20261128222413_identity } from './Migration20261128222413-identity';
import { Migration20261128230000_rate_limit } from './Migration20261128230000-rate_limit';
import { Migration20261129120000_sliding_rate_limit } from './Migration20261129120000-sliding_rate_limit';
import { Migration20261202160000_outbox_relay } from './Migration20261202160000-outbox_relay';
import { Migration20261202161206_staff_notifications } from './Migration20261202161206-staff_notifications';
import { Migration20261202170000_webhooks } from './Migration20261202170000-webhooks';
import { Migration20261202171000_caller_lookup } from './Migration20261202171000-caller_lookup';
import { Migration20261202180000_attachments } from './Migration20261202180000-attachments';
import { Migration20261202190000_open311 } from './Migration20261202190000-open311';
import { Migration20261203100000_channels } from './Migration20261203100000-channels';
import { Migration20261203101000_channel_outbound } from './Migration20261203101000-channel_outbound';
import { Migration20261203110000_read_paths } from './Migration20261203110000-read_paths';
import { Migration20261203120000_sla_board_emergencies } from './Migration20261203120000-sla_board_emergencies';
import { Migration20261203130000_board_emergencies } from './Migration20261203130000-board_emergencies';

/**
 * Every migration, in order. A new migration file must be added here; a unit
 * test fails when a file in this folder is missing from the list.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261128000000-foundation', class: Migration20261128000000_foundation },
  { name: 'Migration20261128194229-tickets', class: Migration20261128194229_tickets },
  { name: 'Migration20261128195915-opd_catalog', class: Migration20261128195915_opd_catalog },
  { name: 'Migration20261128202500-ticket_last_event_seq', class: Migration20261128202500_ticket_last_event_seq },
  { name: 'Migration20261128215923-sla_engine', class: Migration20261128215923_sla_engine },
  { name: 'Migration20261128222413-identity', class: Migration20261128222413_identity },
  { name: 'Migration20261128230000-rate_limit', class: Migration20261128230000_rate_limit },
  { name: 'Migration20261129120000-sliding_rate_limit', class: Migration20261129120000_sliding_rate_limit },
  { name: 'Migration20261202160000-outbox_relay', class: Migration20261202160000_outbox_relay },
  { name: 'Migration20261202161206-staff_notifications', class: Migration20261202161206_staff_notifications },
  { name: 'Migration20261202170000-webhooks', class: Migration20261202170000_webhooks },
  { name: 'Migration20261202171000-caller_lookup', class: Migration20261202171000_caller_lookup },
  { name: 'Migration20261202180000-attachments', class: Migration20261202180000_attachments },
  { name: 'Migration20261202190000-open311', class: Migration20261202190000_open311 },
  { name: 'Migration20261203100000-channels', class: Migration20261203100000_channels },
  { name: 'Migration20261203101000-channel_outbound', class: Migration20261203101000_channel_outbound },
  { name: 'Migration20261203110000-read_paths', class: Migration20261203110000_read_paths },
  { name: 'Migration20261203120000-sla_board_emergencies', class: Migration20261203120000_sla_board_emergencies },
  { name: 'Migration20261203130000-board_emergencies', class: Migration20261203130000_board_emergencies },
];
