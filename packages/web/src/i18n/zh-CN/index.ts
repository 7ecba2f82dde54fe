import auth from './auth.json';
import common from './common.json';
import errors from './errors.json';
import home from './home.json';
import ideas from './ideas.json';
import shell from './shell.json';

/**
 * The zh-CN texts in the entry, one top-level key per file, so `t('ideas.title')` reads
 * ideas.json: what the site's frame (header, menus, sign-in, error messages) can show at any
 * time and what the pages phones open first (home and suggestions) show. shell.json holds the
 * menu and navigation words of the other areas, whose files load with their pages
 * (../resources.ts, textParts).
 */
export const translations = { ...shell, auth, common, errors, home, ideas };
