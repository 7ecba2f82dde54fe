import { defineModule } from '../../kernel/module.js';
import { userAuditTitles } from './api.js';
import { userDocs } from './operation-docs.js';
import { usersPolicy } from './policy.js';
import { usersRouter } from './routes/users.js';
import * as tables from './schema.js';
import { seedUsersDemo } from './seed/demo.js';

/** Accounts and the roles they hold over parts of the unit tree. */
export const usersModule = defineModule({
  name: 'users',
  auditTitles: userAuditTitles,
  router: usersRouter,
  operationDocs: userDocs,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: { users_login_key: 'login', users_phone_key: 'phone' },
  seedDemo: seedUsersDemo,
  menu: [
    { path: '/admin/users', label: 'admin.menu.users', visible: (p) => usersPolicy.can(p, 'user.list', []) },
  ],
  i18nNamespace: 'users',
});
