import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors';
import { Link } from '../../app/router';
import { useDebounced } from '../../app/use-debounced';
import type { TicketKind } from '../../gql/graphql';
import { apiLanguage } from '../../i18n/i18n';
import { CallerPanel } from './caller-panel';
import { CategoryQuestions, type Answers } from './category-questions';
import { DuplicatePanel } from './duplicate-panel';
import { NewCallReferenceQuery, SuggestionsQuery } from './new-call.operations';
import { saveCall, type CallDraft, type SaveOutcome } from './new-call.save';

const KINDS: readonly TicketKind[] = ['COMPLAINT', 'EMERGENCY', 'INFORMATION'];

function emptyDraft(): CallDraft {
  return {
    phone: '', reporterName: '', kind: 'COMPLAINT', description: '', categoryCode: '', answers: {},
    district: '', village: '', address: '', latitude: '', longitude: '', answer: '', idempotencyKey: crypto.randomUUID(),
  };
}

/**
 * The call taker's one form, in the order of a call: number (who is calling shows at once), kind, the
 * caller's words (category suggested live), the category's questions, the place; duplicates appear while
 * typing. Tab moves on, the suggested category is taken by tabbing past it, Ctrl+Enter saves.
 */
export function NewCallScreen(): ReactNode {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const language = apiLanguage(i18n.language);
  const [draft, setDraft] = useState<CallDraft>(emptyDraft);
  const [touched, setTouched] = useState({ kind: false, category: false });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const set = <K extends keyof CallDraft>(key: K, value: CallDraft[K]): void => setDraft((d) => ({ ...d, [key]: value }));

  const reference = useQuery(NewCallReferenceQuery, { variables: { language } });
  const categories = useMemo(() => [...(reference.data?.categories ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [reference.data]);
  const category = categories.find((c) => c.code === draft.categoryCode);

  const text = useDebounced(draft.description.trim(), 250);
  const suggestions = useQuery(SuggestionsQuery, { variables: { text, language }, skip: text.length < 4 });
  const suggested = text.length < 4 ? [] : (suggestions.data?.categorySuggestions ?? []);
  // Until the call taker picks a category, the best suggestion is the choice (tabbing past it accepts it),
  // and the category's usual kind follows unless the kind was chosen by hand.
  // An information request is answered, not routed: no category unless the call taker picks one.
  useEffect(() => {
    if (touched.category) return;
    const best = draft.kind === 'INFORMATION' ? '' : (suggested[0]?.category.code ?? draft.categoryCode);
    if (best === draft.categoryCode) return;
    setDraft((d) => ({ ...d, categoryCode: best, answers: {} }));
  }, [suggested, touched.category, draft.categoryCode, draft.kind]);
  useEffect(() => {
    if (touched.kind || !category || draft.kind === 'INFORMATION') return;
    const kind = category.defaultKind === 'EMERGENCY' ? 'EMERGENCY' : 'COMPLAINT';
    if (kind !== draft.kind) set('kind', kind);
  }, [category, touched.kind, draft.kind]);

  const latitude = Number(draft.latitude);
  const longitude = Number(draft.longitude);
  const duplicateDraft = useMemo(
    () => ({
      description: draft.description.trim() || null,
      categoryCode: draft.categoryCode || null,
      district: draft.district || null,
      village: draft.village.trim() || null,
      kind: draft.kind,
      latitude: draft.latitude && Number.isFinite(latitude) ? latitude : null,
      longitude: draft.longitude && Number.isFinite(longitude) ? longitude : null,
    }),
    [draft.description, draft.categoryCode, draft.district, draft.village, draft.kind, draft.latitude, draft.longitude, latitude, longitude],
  );

  const save = async (sameAs?: string): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await saveCall(client, draft, sameAs);
      setOutcome(result);
      if (result.ok) {
        // The next call starts on a clean form, the number field focused.
        setDraft(emptyDraft());
        setTouched({ kind: false, category: false });
        phoneInput.current?.focus();
      }
    } catch (error) {
      setFailure(errorCode(error));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <section className="new-call">
      <h1 tabIndex={-1}>{t('newCall.title')}</h1>
      <Outcome outcome={outcome} failure={failure} />
      <div className="new-call-grid">
        <form onSubmit={submit} onKeyDown={onKeyDown} aria-describedby="new-call-keys" noValidate>
          <p id="new-call-keys" className="hint">{t('newCall.keys')}</p>
          <label htmlFor="phone">{t('newCall.phone')}</label>
          <input id="phone" ref={phoneInput} type="tel" autoComplete="off" autoFocus value={draft.phone} onChange={(e) => set('phone', e.target.value)} />
          <CallerPanel phone={draft.phone} />
          <label htmlFor="reporter-name">{t('newCall.reporterName')}</label>
          <input id="reporter-name" autoComplete="off" value={draft.reporterName} onChange={(e) => set('reporterName', e.target.value)} />

          <label htmlFor="kind">{t('ticket.kind')}</label>
          <select id="kind" value={draft.kind} onChange={(e) => { setTouched((x) => ({ ...x, kind: true })); set('kind', e.target.value as TicketKind); }}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>

          <label htmlFor="description">{t('newCall.description')}</label>
          <textarea id="description" required value={draft.description} onChange={(e) => set('description', e.target.value)} aria-describedby="suggestions" />
          <p id="suggestions" className="hint" aria-live="polite" data-testid="suggestions">
            {suggested.length > 0 && `${t('newCall.suggested')}: ${suggested.map((s) => `${s.category.name} (${Math.round(s.confidence * 100)}%)`).join(', ')}`}
          </p>

          <label htmlFor="category">{t('newCall.category')}</label>
          <select id="category" value={draft.categoryCode} onChange={(e) => { setTouched((x) => ({ ...x, category: true })); setDraft((d) => ({ ...d, categoryCode: e.target.value, answers: {} })); }}>
            <option value="">—</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{c.name} · {c.opdCode}</option>)}
          </select>

          {draft.kind === 'INFORMATION' && (
            <>
              <label htmlFor="answer">{t('newCall.answer')}</label>
              <textarea id="answer" required value={draft.answer} onChange={(e) => set('answer', e.target.value)} />
            </>
          )}

          <fieldset className="location">
            <legend>{t('newCall.location')}</legend>
            <label htmlFor="district">{t('newCall.district')}</label>
            <select id="district" value={draft.district} onChange={(e) => set('district', e.target.value)}>
              <option value="">—</option>
              {(reference.data?.districts ?? []).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
            </select>
            <label htmlFor="village">{t('newCall.village')}</label>
            <input id="village" autoComplete="off" value={draft.village} onChange={(e) => set('village', e.target.value)} />
            <label htmlFor="address">{t('newCall.address')}</label>
            <input id="address" autoComplete="off" value={draft.address} onChange={(e) => set('address', e.target.value)} />
            <div className="pair">
              <div>
                <label htmlFor="latitude">{t('newCall.latitude')}</label>
                <input id="latitude" inputMode="decimal" value={draft.latitude} onChange={(e) => set('latitude', e.target.value)} />
              </div>
              <div>
                <label htmlFor="longitude">{t('newCall.longitude')}</label>
                <input id="longitude" inputMode="decimal" value={draft.longitude} onChange={(e) => set('longitude', e.target.value)} />
              </div>
            </div>
          </fieldset>
          {category && (
            <CategoryQuestions
              attributes={category.attributes}
              answers={draft.answers}
              requiredMark={t('newCall.required')}
              onChange={(code, values) => setDraft((d) => ({ ...d, answers: { ...d.answers, [code]: values } as Answers }))}
            />
          )}
          <button type="submit" disabled={busy}>{draft.kind === 'INFORMATION' ? t('newCall.saveAnswer') : t('newCall.save')}</button>
        </form>
        <DuplicatePanel draft={duplicateDraft} busy={busy} onSameAs={(id) => void save(id)} />
      </div>
    </section>
  );
}

function Outcome({ outcome, failure }: { outcome: SaveOutcome | null; failure: string | null }): ReactNode {
  const { t } = useTranslation();
  if (failure) return <p className="error" role="alert">{t(`errors.code.${failure}`, { defaultValue: t('errors.code.UNKNOWN') })}</p>;
  if (!outcome) return <div role="status" />;
  if (!outcome.ok) {
    return (
      <div className="error" role="alert" data-testid="save-problems">
        <p>{t('newCall.notSaved')}</p>
        <ul>{(outcome.problems.length ? outcome.problems : [outcome.message]).map((p) => <li key={p}>{p}</li>)}</ul>
      </div>
    );
  }
  return (
    <div role="status" className="ok panel" data-testid="saved">
      {t('newCall.saved', { number: outcome.number, state: t(`states.${outcome.state}`) })}{' '}
      <Link to={`/tickets/${outcome.id}`}>{t('newCall.open', { number: outcome.number })}</Link>
      {outcome.warning && <p className="error">{outcome.warning}</p>}
    </div>
  );
}
