import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Principal } from '../auth/principal.js';
import type { ServiceContext } from '../context.js';
import type { Db } from '../db/client.js';
import type { AppEnv } from '../http/env.js';
import type { OperationDocs } from '../openapi/operation-docs.js';
import type { AuditTitles } from './audit-titles.js';
import type { DeadlineRecount } from './deadline-recount.js';
import type { WaitingCounter } from './waiting.js';

/** An entry of the console's menu: the page, its label's i18n key, and who sees it. */
export interface MenuEntry {
  /** Route path of the page in the web app, also the menu key. */
  path: string;
  /** i18n key of the label (in the module's namespace). */
  label: string;
  /** Whether the principal may open the page: a question to the module's own policy. */
  visible: (principal: Principal) => boolean;
}

/**
 * An action a person may start somewhere in the unit tree ("new", "import", "compute"), asked of
 * the module's policy with a grant's unit as the scope. The session carries, for each, the scopes
 * where it holds, so the web app shows buttons from the server's rules instead of role names.
 * Only for rules decided by scope; a resource whose state matters sends its own `actions`.
 */
export interface Ability {
  action: string;
  allowed: (principal: Principal, unitPath: string) => boolean;
}

/** What the demo seed hands from one module to the next. */
export interface DemoSeed {
  /** Demo accounts with their one-time passwords, printed once at first start. */
  accounts: Array<{ login: string; password: string; role: string; unit: string }>;
  /**
   * The moment the demo is seeded: what must lie ahead of the people trying it (a draft plan to
   * publish, a study visit or session to come) is dated from it, so a demo seeded months later
   * still has them ahead.
   */
  now: Date;
}

/**
 * A module, declared once (Decidim's component manifests): the app mounts its router, drizzle
 * and backups read its tables, the demo seeder calls its seed in registry order, the console
 * menu is built from its entries, and its background work starts and stops with the server.
 * Adding a module is its folder plus one line in `modules/registry.ts`.
 */
export interface ModuleDefinition {
  name: string;
  /** Its API routes, mounted under /api/v1. */
  router?: OpenAPIHono<AppEnv>;
  /** Its drizzle tables (`import * as tables from './schema.js'`). */
  tables: Record<string, unknown>;
  /** Seeds its demo data; runs after the modules listed before it in the registry. */
  seedDemo?: (ctx: ServiceContext, seed: DemoSeed) => Promise<void>;
  menu?: readonly MenuEntry[];
  abilities?: readonly Ability[];
  /**
   * The request field each of its unique indexes guards, by index name: a write that raced past
   * the service's own check and met the index is answered as that check would, naming the field.
   */
  uniqueFields?: Readonly<Record<string, string>>;
  /** The i18n namespace of its strings in the web app (`<name>.*` keys). */
  i18nNamespace?: string;
  /**
   * API reads a public page starts with, by the page's route pattern in the web app (`/ideas/:id`;
   * a `:name` in a URL takes the page's value): the server names them in that page's HTML so the
   * browser fetches them beside the scripts (`http/static.ts`). A URL must be the one the page
   * asks for, query included, or the browser fetches it twice.
   */
  preloads?: Readonly<Record<string, readonly string[]>>;
  /**
   * The titles of the entities its audit events name, by entity type (each a lookup its
   * `api.ts` offers), so the audit log shows a suggestion's title rather than its id.
   */
  auditTitles?: AuditTitles;
  /** The work waiting for the signed-in person in this module, for the console's overview. */
  waiting?: WaitingCounter;
  /** What the API document says of each of its operations, by operationId, in both languages. */
  operationDocs?: OperationDocs;
  /**
   * Background work that starts with the server (indexes, timers) on its database; the function
   * it returns stops that work, and only that: one process may serve several databases (one per
   * district), so nothing of it is kept in a module-level variable.
   */
  start?: (db: Db, onError: (err: unknown) => void) => () => Promise<void>;
  /** Counts its stored due dates again when a year's holidays are loaded (kernel/deadline-recount.ts). */
  recountDeadlines?: DeadlineRecount;
}

export const defineModule = (m: ModuleDefinition): ModuleDefinition => m;
