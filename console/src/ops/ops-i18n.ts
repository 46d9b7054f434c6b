import './ops.css';
import i18next from '../i18n/i18n';
import en from './ops.en.json';
import id from './ops.id.json';

/**
 * The supervisor, field and admin screens' strings, merged into the console's one i18next instance
 * (same library, same `translation` namespace) from their own files, so these screens and the
 * foundation's can change their strings without touching each other's files.
 */
i18next.addResourceBundle('id', 'translation', id, true, false);
i18next.addResourceBundle('en', 'translation', en, true, false);
