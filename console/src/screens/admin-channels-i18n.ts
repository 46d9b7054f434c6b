import i18next from '../i18n/i18n';
import en from './admin-channels.en.json';
import id from './admin-channels.id.json';

/**
 * The strings of the channel and SLA admin forms (official accounts, templates, new policies, calendars),
 * merged into the one i18next instance from their own files, as the ops screens do: other screens'
 * files stay untouched.
 */
i18next.addResourceBundle('id', 'translation', id, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
