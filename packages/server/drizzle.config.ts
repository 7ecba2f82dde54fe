import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every schema.ts of the platform and its modules: a new module's tables are found here without
  // anything central importing them.
  schema: [
    './src/audit/schema.ts',
    './src/auth/schema.ts',
    './src/kernel/schema.ts',
    './src/modules/*/schema.ts',
  ],
  out: './drizzle',
});
