import { type AuditEntry, audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import { type Tx, transaction } from '../db/transaction.js';
import { errorForLog } from '../log.js';

export { type Tx, transaction };

/** What a command's write returns: its result, and what the audit event says of the change. */
export interface CommandOutcome<Out> {
  result: Out;
  /** One event, or one per record when the command changes several at once (a bulk decision). */
  audit: Omit<AuditEntry, 'action'> | Array<Omit<AuditEntry, 'action'>>;
}

/**
 * A state change, declared once: its name is the audit action (and the operation id of a route
 * that runs this command alone), `load` authorises and reads what the write needs, `write`
 * changes the database inside the transaction that also records the audit event (the context it
 * is handed reads through that transaction too), `after` runs once it has committed
 * (notifications, caches) and cannot refuse: what it throws is logged and the write's result is
 * still answered, since the change is stored. A command cannot forget its audit event nor write
 * it outside the change's transaction (Decidim's commands with traceability; STYLE.md 2).
 */
export interface CommandSpec<In, Loaded, Out> {
  name: string;
  load: (ctx: ServiceContext, input: In) => Promise<Loaded>;
  write: (tx: Tx, ctx: ServiceContext, loaded: Loaded, input: In) => Promise<CommandOutcome<Out>>;
  after?: (ctx: ServiceContext, result: Out, loaded: Loaded) => Promise<void> | void;
}

export interface Command<In, Out> {
  name: string;
  run(ctx: ServiceContext, input: In): Promise<Out>;
}

export function defineCommand<In, Loaded, Out>(spec: CommandSpec<In, Loaded, Out>): Command<In, Out> {
  return {
    name: spec.name,
    async run(ctx, input) {
      const loaded = await spec.load(ctx, input);
      const result = await transaction(ctx.db, async (tx) => {
        // The write's context reads through its transaction: a read helper handed `ctx` inside
        // the write (a cached lookup whose entry had expired) otherwise queried the database
        // beside the open transaction, which on PGlite's one connection waits for it forever.
        const inTx: ServiceContext = { ...ctx, db: tx, primaryDb: undefined };
        const outcome = await spec.write(tx, inTx, loaded, input);
        const events = Array.isArray(outcome.audit) ? outcome.audit : [outcome.audit];
        for (const event of events) await audit(tx, actor(ctx), { action: spec.name, ...event });
        return outcome.result;
      });
      try {
        await spec.after?.(ctx, result, loaded);
      } catch (error) {
        // The change is committed: answering an error would have the client retry or report as
        // failed what happened. Caches and the loaded years also refresh on their own schedule.
        const log =
          ctx.requestId && !('requestId' in ctx.log.bindings())
            ? ctx.log.child({ requestId: ctx.requestId })
            : ctx.log;
        log.error({ command: spec.name, error: errorForLog(error) }, 'after-commit work failed');
      }
      return result;
    },
  };
}
