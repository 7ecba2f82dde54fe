import auth from './auth.json';
import common from './common.json';
import errors from './errors.json';
import home from './home.json';
import ideas from './ideas.json';
import shell from './shell.json';

/** The English texts of the entry's files, in the shape of the zh-CN ones (../zh-CN/index.ts). */
export const translations = { ...shell, auth, common, errors, home, ideas };
