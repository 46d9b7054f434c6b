import './inbox.css';
import i18next from '../../i18n/i18n';
import en from './inbox.en.json';
import id from './inbox.id.json';

/**
 * The social inbox's strings, merged into the console's one i18next instance (deeply: `nav.inbox` and
 * `errors.code.NOT_YOUR_CLAIM` join the foundation's groups) from files of its own, like the ops screens',
 * so that screens built side by side do not edit the same string files.
 */
i18next.addResourceBundle('id', 'translation', id, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
