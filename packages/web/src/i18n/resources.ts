import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enAuth from './en/auth.json';
import enBusiness from './en/business.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enHome from './en/home.json';
import enIdeas from './en/ideas.json';
import enInspections from './en/inspections.json';
import enReforms from './en/reforms.json';
import enTargets from './en/targets.json';
import enUnits from './en/units.json';
import enUsers from './en/users.json';
import zhAdmin from './zh-CN/admin.json';
import zhAudit from './zh-CN/audit.json';
import zhAuth from './zh-CN/auth.json';
import zhBusiness from './zh-CN/business.json';
import zhCommon from './zh-CN/common.json';
import zhErrors from './zh-CN/errors.json';
import zhHome from './zh-CN/home.json';
import zhIdeas from './zh-CN/ideas.json';
import zhInspections from './zh-CN/inspections.json';
import zhReforms from './zh-CN/reforms.json';
import zhTargets from './zh-CN/targets.json';
import zhUnits from './zh-CN/units.json';
import zhUsers from './zh-CN/users.json';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** One namespace; each file is a top-level key, so `t('users.title')` reads users.json. */
export const resources = {
  'zh-CN': {
    translation: {
      admin: zhAdmin,
      audit: zhAudit,
      auth: zhAuth,
      business: zhBusiness,
      common: zhCommon,
      errors: zhErrors,
      home: zhHome,
      ideas: zhIdeas,
      inspections: zhInspections,
      reforms: zhReforms,
      targets: zhTargets,
      units: zhUnits,
      users: zhUsers,
    },
  },
  en: {
    translation: {
      admin: enAdmin,
      audit: enAudit,
      auth: enAuth,
      business: enBusiness,
      common: enCommon,
      errors: enErrors,
      home: enHome,
      ideas: enIdeas,
      inspections: enInspections,
      reforms: enReforms,
      targets: enTargets,
      units: enUnits,
      users: enUsers,
    },
  },
} as const;
