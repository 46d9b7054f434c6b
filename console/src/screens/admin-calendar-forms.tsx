import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { AdminError } from './admin-error';

const CreateCalendar = graphql(`
  mutation AdminCreateCalendar($input: CreateCalendarInput!) {
    createCalendar(input: $input) {
      code
      version
    }
  }
`);
const SetHours = graphql(`
  mutation AdminSetCalendarHours($input: SetCalendarHoursInput!) {
    setCalendarHours(input: $input) {
      code
      version
    }
  }
`);

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Week = Record<number, { open: string; close: string }>;
/** The regency's office week (Monday to Friday, 08:00–16:00) as the starting point of a form. */
const OFFICE_WEEK: Week = Object.fromEntries(WEEKDAYS.map((d) => [d, d <= 5 ? { open: '08:00', close: '16:00' } : { open: '', close: '' }]));
/** A day left blank is closed: only days with both times go to the server. */
const weekly = (week: Week) => WEEKDAYS.filter((d) => week[d]?.open && week[d]?.close).map((d) => ({ weekday: d, open: week[d]!.open, close: week[d]!.close }));

/** Open and close time per weekday; blank is closed. Shared by a new calendar and a change of hours. */
function WeekInputs({ idPrefix, week, onChange }: { idPrefix: string; week: Week; onChange(week: Week): void }): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('admin.hours')}</legend>
      <p className="hint">{t('adminChannels.calendars.closedHint')}</p>
      {WEEKDAYS.map((d) => (
        <div key={d} className="filters">
          <div>
            <label htmlFor={`${idPrefix}-open-${d}`}>
              {t(`adminChannels.weekdays.${d}`)} · {t('adminChannels.calendars.open')}
            </label>
            <input id={`${idPrefix}-open-${d}`} type="time" value={week[d]?.open ?? ''} onChange={(e) => onChange({ ...week, [d]: { ...week[d]!, open: e.target.value } })} />
          </div>
          <div>
            <label htmlFor={`${idPrefix}-close-${d}`}>
              {t(`adminChannels.weekdays.${d}`)} · {t('adminChannels.calendars.close')}
            </label>
            <input id={`${idPrefix}-close-${d}`} type="time" value={week[d]?.close ?? ''} onChange={(e) => onChange({ ...week, [d]: { ...week[d]!, close: e.target.value } })} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** A new business calendar, e.g. a hospital's or a market's hours, with the national holidays copied. */
export function CalendarCreate({ onDone }: { onDone(): void }): ReactNode {
  const { t } = useTranslation();
  const [create, creating] = useMutation(CreateCalendar);
  const empty = { code: '', name: '', timeZone: 'Asia/Makassar', from: '', alwaysOpen: false, nationalHolidays: true };
  const [form, setForm] = useState(empty);
  const [week, setWeek] = useState<Week>(OFFICE_WEEK);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const hours = form.alwaysOpen || !form.from ? [] : [{ effectiveFrom: form.from, weekly: weekly(week) }];
    const input = { code: form.code.trim(), name: form.name.trim(), timeZone: form.timeZone.trim(), alwaysOpen: form.alwaysOpen, nationalHolidays: form.nationalHolidays, hours };
    void create({ variables: { input } })
      .then(() => (setForm(empty), setWeek(OFFICE_WEEK), onDone()))
      .catch(() => null);
  };
  return (
    <form className="admin-form panel" onSubmit={submit} aria-labelledby="calendar-create-title">
      <h2 id="calendar-create-title">{t('adminChannels.calendars.create')}</h2>
      <AdminError error={creating.error} />
      <label htmlFor="calendar-code">{t('admin.code')}</label>
      <input id="calendar-code" required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
      <label htmlFor="calendar-name">{t('admin.name')}</label>
      <input id="calendar-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <label htmlFor="calendar-zone">{t('admin.timeZone')}</label>
      <input id="calendar-zone" required value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} />
      <label>
        <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => setForm({ ...form, alwaysOpen: e.target.checked })} /> {t('adminChannels.calendars.alwaysOpen')}
      </label>
      <label>
        <input type="checkbox" checked={form.nationalHolidays} onChange={(e) => setForm({ ...form, nationalHolidays: e.target.checked })} /> {t('adminChannels.calendars.nationalHolidays')}
      </label>
      {!form.alwaysOpen && (
        <>
          <label htmlFor="calendar-from">{t('admin.effectiveFrom')}</label>
          <input id="calendar-from" type="date" required value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
          <WeekInputs idPrefix="calendar" week={week} onChange={setWeek} />
        </>
      )}
      <button type="submit" disabled={creating.loading}>
        {t('adminChannels.calendars.createButton')}
      </button>
    </form>
  );
}

/** New weekly hours from a date (the same date again replaces that period); days before keep theirs. */
export function CalendarHoursChange({ calendar, onDone, onRefused }: { calendar: { code: string; version: number }; onDone(): void; onRefused(): void }): ReactNode {
  const { t } = useTranslation();
  const [setHours, setting] = useMutation(SetHours);
  const [from, setFrom] = useState('');
  const [week, setWeek] = useState<Week>(OFFICE_WEEK);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const input = { code: calendar.code, expectedVersion: calendar.version, hours: { effectiveFrom: from, weekly: weekly(week) } };
    // A refusal reloads the calendar: after a version conflict the next try carries the newer version.
    void setHours({ variables: { input } }).then(onDone, onRefused);
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label={t('adminChannels.calendars.setHours')}>
      <AdminError error={setting.error} />
      <label htmlFor={`hours-from-${calendar.code}`}>{t('admin.effectiveFrom')}</label>
      <input id={`hours-from-${calendar.code}`} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
      <WeekInputs idPrefix={`hours-${calendar.code}`} week={week} onChange={setWeek} />
      <button type="submit" disabled={setting.loading}>
        {t('adminChannels.calendars.setHours')}
      </button>
    </form>
  );
}
