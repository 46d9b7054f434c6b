import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { AdminPoliciesQuery } from '../gql/graphql';
import { AdminError } from './admin-error';
import { CalendarCreate, CalendarHoursChange } from './admin-calendar-forms';
import { PolicyCreate, PolicyDeactivate } from './admin-sla-forms';

const Policies = graphql(`
  query AdminPolicies {
    slaPolicies {
      id
      name
      opdCode
      categoryCode
      kind
      priority
      source
      version
      versions {
        version
        effectiveFrom
        active
        note
        createdBy
        metrics {
          metric
          start
          stop
          calendar
          targetMinutes
          warnings
          pauseStates
        }
      }
    }
  }
`);
const ChangePolicy = graphql(`
  mutation AdminChangePolicy($input: ChangeSlaPolicyInput!) {
    changeSlaPolicy(input: $input) {
      id
      version
    }
  }
`);

type Policy = AdminPoliciesQuery['slaPolicies'][number];

/** WITA is UTC+8 all year: a datetime-local value typed in Bangli, as an instant. */
const witaInstant = (local: string): string => new Date(`${local}:00+08:00`).toISOString();

/**
 * SLA policies with every version and when it takes effect. A change is a new version from a date
 * (at least a minute ahead; tickets keep the version they were given), made here by editing targets.
 */
export function AdminPolicies(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Policies);
  const [editing, setEditing] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState<string | null>(null);
  return (
    <>
      <AdminError error={error} />
      {data?.slaPolicies.map((p) => (
        <article key={p.id} className="panel policy" data-testid={`policy-${p.id}`} data-active={p.versions[p.versions.length - 1]?.active}>
          <h2>{p.name}</h2>
          <p className="hint">
            {t('admin.scope')}: {[p.kind, p.opdCode, p.categoryCode, p.priority].filter(Boolean).join(' · ') || t('admin.any')} · {p.source} · v{p.version}
          </p>
          <table>
            <caption>{t('admin.versions')}</caption>
            <thead>
              <tr>
                <th scope="col">v</th>
                <th scope="col">{t('admin.effectiveFrom')}</th>
                <th scope="col">{t('compliance.metric')}</th>
                <th scope="col">{t('admin.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>{formatDateTime(v.effectiveFrom, i18n.language)}</td>
                  <td>{v.metrics.map((m) => `${t(`metrics.${m.metric}`)} ${m.targetMinutes} min (${m.calendar})`).join(' · ')}</td>
                  <td>{v.active ? t('admin.active') : t('admin.inactive')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {editing === p.id ? (
            <PolicyChange policy={p} onDone={() => (setEditing(null), void refetch())} />
          ) : (
            <button type="button" className="secondary" onClick={() => setEditing(p.id)}>
              {t('admin.newVersion')} <span className="visually-hidden">{p.name}</span>
            </button>
          )}{' '}
          {deactivating === p.id ? (
            <PolicyDeactivate policy={p} onDone={() => (setDeactivating(null), void refetch())} onRefused={() => void refetch()} />
          ) : (
            p.versions[p.versions.length - 1]?.active && (
              <button type="button" className="secondary" onClick={() => setDeactivating(p.id)}>
                {t('admin.deactivate')} <span className="visually-hidden">{p.name}</span>
              </button>
            )
          )}
        </article>
      ))}
      <PolicyCreate onDone={() => void refetch()} />
    </>
  );
}

function PolicyChange({ policy, onDone }: { policy: Policy; onDone(): void }): ReactNode {
  const { t } = useTranslation();
  // A deactivated policy's newest version has no clocks: a new version starts from the last one that had.
  const latest = [...policy.versions].reverse().find((v) => v.metrics.length > 0) ?? policy.versions[policy.versions.length - 1]!;
  const [targets, setTargets] = useState(() => Object.fromEntries(latest.metrics.map((m) => [m.metric, String(m.targetMinutes)])));
  const [from, setFrom] = useState('');
  const [change, changing] = useMutation(ChangePolicy);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const metrics = latest.metrics.map((m) => ({
      metric: m.metric,
      start: m.start,
      stop: m.stop,
      calendar: m.calendar,
      pauseStates: m.pauseStates,
      warnings: m.warnings,
      targetMinutes: Number(targets[m.metric]),
    }));
    void change({ variables: { input: { id: policy.id, expectedVersion: policy.version, metrics, effectiveFrom: from ? witaInstant(from) : null } } }).then(
      (r) => {
        if (r.data) onDone();
      },
      () => null,
    );
  };
  return (
    <form className="admin-form" onSubmit={submit}>
      <AdminError error={changing.error} />
      {latest.metrics.map((m) => (
        <div key={m.metric}>
          <label htmlFor={`target-${policy.id}-${m.metric}`}>
            {t(`metrics.${m.metric}`)} · {t('admin.target')}
          </label>
          <input
            id={`target-${policy.id}-${m.metric}`}
            type="number"
            min={1}
            required
            value={targets[m.metric]}
            onChange={(e) => setTargets({ ...targets, [m.metric]: e.target.value })}
          />
        </div>
      ))}
      <label htmlFor={`from-${policy.id}`}>{t('admin.effectiveFrom')} (WITA)</label>
      <input id={`from-${policy.id}`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      <button type="submit" disabled={changing.loading}>
        {t('common.save')}
      </button>
    </form>
  );
}

const Calendars = graphql(`
  query AdminCalendars {
    calendars {
      code
      name
      timeZone
      alwaysOpen
      version
      hours {
        effectiveFrom
        weekly {
          weekday
          open
          close
        }
      }
      holidays {
        date
        name
        source
        active
      }
    }
  }
`);
const AddHoliday = graphql(`
  mutation AdminAddHoliday($input: HolidayInput!) {
    addHoliday(input: $input) {
      code
      version
    }
  }
`);
const RemoveHoliday = graphql(`
  mutation AdminRemoveHoliday($input: HolidayInput!) {
    removeHoliday(input: $input) {
      code
      version
    }
  }
`);

/** Business calendars: weekly hours and holidays (national ones seeded; admins add cuti bersama, Galungan, …). */
export function AdminCalendars(): ReactNode {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(Calendars);
  const [add, adding] = useMutation(AddHoliday);
  const [remove, removing] = useMutation(RemoveHoliday);
  const [form, setForm] = useState<Record<string, { date: string; name: string }>>({});
  const [hoursFor, setHoursFor] = useState<string | null>(null);
  return (
    <>
      <AdminError error={error ?? adding.error ?? removing.error} />
      {data?.calendars.map((c) => {
        const f = form[c.code] ?? { date: '', name: '' };
        const latestHours = c.hours[c.hours.length - 1];
        return (
          <article key={c.code} className="panel" data-testid={`calendar-${c.code}`}>
            <h2>
              {c.name} <code>{c.code}</code>
            </h2>
            <p className="hint">
              {t('admin.timeZone')}: {c.timeZone}
              {!c.alwaysOpen && latestHours && (
                <>
                  {' '}
                  · {t('admin.hours')} ({latestHours.effectiveFrom}): {latestHours.weekly.map((w) => `${w.weekday}: ${w.open}–${w.close}`).join(', ')}
                </>
              )}
            </p>
            {!c.alwaysOpen &&
              (hoursFor === c.code ? (
                <CalendarHoursChange calendar={c} onDone={() => (setHoursFor(null), void refetch())} onRefused={() => void refetch()} />
              ) : (
                <button type="button" className="secondary" onClick={() => setHoursFor(c.code)}>
                  {t('adminChannels.calendars.setHours')} <span className="visually-hidden">{c.code}</span>
                </button>
              ))}
            {!c.alwaysOpen && (
              <>
                <table>
                  <caption>{t('admin.holidays')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.date')}</th>
                      <th scope="col">{t('admin.name')}</th>
                      <th scope="col">{t('admin.source')}</th>
                      <th scope="col">{t('admin.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.holidays.map((h) => (
                      <tr key={h.date}>
                        <th scope="row">{h.date}</th>
                        <td>{h.name}</td>
                        <td>{h.source}</td>
                        <td>
                          {h.active ? (
                            <button type="button" className="secondary" onClick={() => void remove({ variables: { input: { code: c.code, date: h.date } } }).then(() => refetch())}>
                              {t('admin.removeHoliday')} <span className="visually-hidden">{h.date}</span>
                            </button>
                          ) : (
                            <button type="button" className="secondary" onClick={() => void add({ variables: { input: { code: c.code, date: h.date, name: h.name } } }).then(() => refetch())}>
                              {t('admin.restoreHoliday')} <span className="visually-hidden">{h.date}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <form
                  className="filters"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void add({ variables: { input: { code: c.code, date: f.date, name: f.name.trim() || null } } }).then(() => {
                      setForm({ ...form, [c.code]: { date: '', name: '' } });
                      void refetch();
                    });
                  }}
                >
                  <div>
                    <label htmlFor={`holiday-date-${c.code}`}>{t('admin.date')}</label>
                    <input id={`holiday-date-${c.code}`} type="date" required value={f.date} onChange={(e) => setForm({ ...form, [c.code]: { ...f, date: e.target.value } })} />
                  </div>
                  <div>
                    <label htmlFor={`holiday-name-${c.code}`}>{t('admin.name')}</label>
                    <input id={`holiday-name-${c.code}`} required value={f.name} onChange={(e) => setForm({ ...form, [c.code]: { ...f, name: e.target.value } })} />
                  </div>
                  <button type="submit">{t('admin.addHoliday')}</button>
                </form>
              </>
            )}
          </article>
        );
      })}
      <CalendarCreate onDone={() => void refetch()} />
    </>
  );
}
