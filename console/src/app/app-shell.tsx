import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { setLanguage } from '../i18n/i18n';
import { SignInScreen } from '../screens/sign-in.screen';
import { Link, pathOnly, useRouter } from './router';
import { allowed, findRoute, homeFor, ROUTES } from './routes';

/** Signed out: the sign-in screen. Signed in: the navigation of the role and the screen of the URL. */
export function AppShell(): ReactNode {
  const { t } = useTranslation();
  const { me, loading } = useAuth();
  const { path, navigate } = useRouter();
  const main = useRef<HTMLElement>(null);

  const found = me ? findRoute(path) : null;
  const atRoot = pathOnly(path) === '/' || pathOnly(path) === '/sign-in';
  useEffect(() => {
    if (me && atRoot) navigate(homeFor(me), { replace: true });
  }, [me, atRoot, navigate]);
  // A new screen: its heading gets the focus, so a screen reader announces it and Tab starts there.
  // A screen that focuses its first field itself (the new call's phone number) keeps that focus.
  useEffect(() => {
    if (main.current?.contains(document.activeElement)) return;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path, found?.route]);

  if (loading) return <p className="loading" role="status">{t('common.loading')}</p>;
  if (!me) return <SignInScreen />;

  let content: ReactNode;
  if (atRoot) content = null;
  else if (!found) content = <Message title={t('errors.notFoundTitle')} text={t('errors.notFound')} />;
  else if (!allowed(found.route, me)) content = <Message title={t('errors.forbiddenTitle')} text={t('errors.forbidden')} />;
  else content = found.route.render(found.params);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <span className="brand">Sigap</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {ROUTES.filter((r) => r.navKey && allowed(r, me)).map((r) => (
              <li key={r.path}>
                <Link to={r.path} aria-current={pathOnly(path).startsWith(r.path) ? 'page' : undefined}>
                  {t(r.navKey!)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <UserMenu />
      </header>
      <main id="main" ref={main}>
        {content}
      </main>
    </div>
  );
}

function UserMenu(): ReactNode {
  const { t, i18n } = useTranslation();
  const { me, signOut } = useAuth();
  const { navigate } = useRouter();
  if (!me) return null;
  return (
    <div className="user-menu">
      <span data-testid="signed-in-as">
        {me.id} · {t(`roles.${me.role}`)}
      </span>
      <label>
        <span className="visually-hidden">{t('nav.language')}</span>
        <select value={i18n.language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'id')}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          void signOut().then(() => navigate('/', { replace: true }));
        }}
      >
        {t('nav.signOut')}
      </button>
    </div>
  );
}

function Message({ title, text }: { title: string; text: string }): ReactNode {
  return (
    <section>
      <h1 tabIndex={-1}>{title}</h1>
      <p role="alert">{text}</p>
    </section>
  );
}
