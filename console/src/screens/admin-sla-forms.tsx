import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { SlaMetric, TicketKind, TicketPriority } from '../gql/graphql';
import { AdminError } from './admin-error';

const CalendarCodes = graphql(`
  query AdminCalendarCodes {
    calendars {
      code
      name
    }
  }
`);
const CreatePolicy = graphql(`
  mutation AdminCreatePolicy($input: CreateSlaPolicyInput!) {
    createSlaPolicy(input: $input) {
      id
      version
    }
  }
`);
const DeactivatePolicy = graphql(`
  mutation AdminDeactivatePolicy($input: DeactivateSlaPolicyInput!) {
    deactivateSlaPolicy(input: $input) {
      id
      version
    }
  }
`);

/** WITA is UTC+8 all year: a datetime-local value typed in Bangli, as an instant; empty: the server's earliest. */
const witaInstant = (local: string): string | null => (local ? new Date(`${local}:00+08:00`).toISOString() : null);
const METRICS: readonly SlaMetric[] = ['TRIAGE', 'ACKNOWLEDGE', 'ON_SITE', 'RESOLVE'];
const KINDS: readonly TicketKind[] = ['COMPLAINT', 'EMERGENCY', 'INFORMATION'];
const PRIORITIES: readonly TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/**
 * A new policy for a scope (kind, OPD, category, priority; blank: any). It takes effect from a date at
 * least a minute ahead, so every server instance has it before the first ticket it applies to; only the
 * clocks given a target are part of it, each on a calendar.
 */
export function PolicyCreate({ onDone }: { onDone(): void }): ReactNode {
  const { t } = useTranslation();
  const calendars = useQuery(CalendarCodes);
  const [create, creating] = useMutation(CreatePolicy);
  const empty = { name: '', kind: '', priority: '', opdCode: '', categoryCode: '', from: '', note: '' };
  const [form, setForm] = useState(empty);
  const [targets, setTargets] = useState<Record<string, { minutes: string; calendar: string }>>({});
  const [missing, setMissing] = useState(false);
  const set = (field: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const metrics = METRICS.filter((m) => targets[m]?.minutes).map((m) => ({
      metric: m,
      targetMinutes: Number(targets[m]!.minutes),
      calendar: targets[m]!.calendar || '24x7',
    }));
    setMissing(metrics.length === 0);
    if (!metrics.length) return;
    const input = {
      name: form.name.trim(),
      kind: (form.kind || null) as TicketKind | null,
      priority: (form.priority || null) as TicketPriority | null,
      opdCode: form.opdCode.trim() || null,
      categoryCode: form.categoryCode.trim() || null,
      effectiveFrom: witaInstant(form.from),
      note: form.note.trim() || null,
      metrics,
    };
    void create({ variables: { input } })
      .then(() => (setForm(empty), setTargets({}), onDone()))
      .catch(() => null);
  };
  return (
    <form className="admin-form panel" onSubmit={submit} aria-labelledby="policy-create-title">
      <h2 id="policy-create-title">{t('adminChannels.policies.create')}</h2>
      <AdminError error={creating.error ?? calendars.error} />
      {missing && (
        <p className="error" role="alert">
          {t('adminChannels.policies.noMetric')}
        </p>
      )}
      <label htmlFor="policy-name">{t('admin.name')}</label>
      <input id="policy-name" required value={form.name} onChange={set('name')} />
      <label htmlFor="policy-kind">{t('adminChannels.policies.kind')}</label>
      <select id="policy-kind" value={form.kind} onChange={set('kind')}>
        <option value="">{t('admin.any')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="policy-priority">{t('adminChannels.policies.priority')}</label>
      <select id="policy-priority" value={form.priority} onChange={set('priority')}>
        <option value="">{t('admin.any')}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`adminChannels.priorities.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor="policy-opd">{t('admin.opd')}</label>
      <input id="policy-opd" value={form.opdCode} onChange={set('opdCode')} placeholder={t('admin.any')} />
      <label htmlFor="policy-category">{t('adminChannels.policies.category')}</label>
      <input id="policy-category" value={form.categoryCode} onChange={set('categoryCode')} placeholder={t('admin.any')} />
      <fieldset>
        <legend>{t('adminChannels.policies.metrics')}</legend>
        {METRICS.map((m) => {
          const target = targets[m] ?? { minutes: '', calendar: '' };
          return (
            <div key={m} className="filters">
              <div>
                <label htmlFor={`policy-target-${m}`}>
                  {t(`metrics.${m}`)} · {t('admin.target')}
                </label>
                <input id={`policy-target-${m}`} type="number" min={1} value={target.minutes} onChange={(e) => setTargets({ ...targets, [m]: { ...target, minutes: e.target.value } })} />
              </div>
              <div>
                <label htmlFor={`policy-calendar-${m}`}>
                  {t(`metrics.${m}`)} · {t('admin.calendar')}
                </label>
                <select id={`policy-calendar-${m}`} value={target.calendar || '24x7'} onChange={(e) => setTargets({ ...targets, [m]: { ...target, calendar: e.target.value } })}>
                  {(calendars.data?.calendars ?? [{ code: '24x7', name: '24x7' }]).map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} · {c.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          );
        })}
      </fieldset>
      <label htmlFor="policy-from">{t('admin.effectiveFrom')} (WITA)</label>
      <input id="policy-from" type="datetime-local" aria-describedby="policy-from-hint" value={form.from} onChange={set('from')} />
      <p className="hint" id="policy-from-hint">
        {t('adminChannels.policies.fromHint')}
      </p>
      <label htmlFor="policy-note">{t('adminChannels.note')}</label>
      <input id="policy-note" value={form.note} onChange={set('note')} />
      <button type="submit" disabled={creating.loading}>
        {t('adminChannels.policies.createButton')}
      </button>
    </form>
  );
}

/** Stops a policy from a date; tickets then fall back to the next less specific policy. */
export function PolicyDeactivate({ policy, onDone, onRefused }: { policy: { id: string; name: string; version: number }; onDone(): void; onRefused(): void }): ReactNode {
  const { t } = useTranslation();
  const [deactivate, deactivating] = useMutation(DeactivatePolicy);
  const [from, setFrom] = useState('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const input = { id: policy.id, expectedVersion: policy.version, effectiveFrom: witaInstant(from), note: note.trim() || null };
    // A refusal reloads the policy: after a version conflict the next try carries the newer version.
    void deactivate({ variables: { input } }).then(onDone, onRefused);
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label={t('adminChannels.policies.deactivateTitle', { name: policy.name })}>
      <AdminError error={deactivating.error} />
      <label htmlFor={`deactivate-from-${policy.id}`}>{t('admin.effectiveFrom')} (WITA)</label>
      <input id={`deactivate-from-${policy.id}`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor={`deactivate-note-${policy.id}`}>{t('adminChannels.note')}</label>
      <input id={`deactivate-note-${policy.id}`} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={deactivating.loading}>
        {t('admin.deactivate')} <span className="visually-hidden">{policy.name}</span>
      </button>
    </form>
  );
}
