import admin from './admin.json';
import audit from './audit.json';
import auth from './auth.json';
import business from './business.json';
import common from './common.json';
import errors from './errors.json';
import home from './home.json';
import ideas from './ideas.json';
import inspections from './inspections.json';
import reforms from './reforms.json';
import targets from './targets.json';
import units from './units.json';
import users from './users.json';

/** The English translations, in the shape of the zh-CN ones (./zh-CN/index.ts). */
export const translations = {
  admin,
  audit,
  auth,
  business,
  common,
  errors,
  home,
  ideas,
  inspections,
  reforms,
  targets,
  units,
  users,
};
