import { eq } from 'drizzle-orm';
import pino from 'pino';
import { audit } from '../../../audit/audit.js';
import { generatePassword, hashPassword } from '../../../auth/password.js';
import { assertStrongPassword } from '../../../auth/password-rules.js';
import { actor, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { type Tx, transaction } from '../../../db/transaction.js';
import { AppError, forbidden } from '../../../errors.js';
import { oldestRoot, unitByCode } from '../../units/api.js';
import { CreateUserInput, type UserView } from '../contracts.js';
import { canUser } from '../policy.js';
import { getUserView } from '../queries/users.js';
import { userRoles, users } from '../schema.js';
import { assertLoginIsNoOtherPhone, dedupe, heldUnitPaths, unitPaths } from './user-common.js';

export async function createUser(
  ctx: ServiceContext,
  input: CreateUserInput,
  options: { isDemo?: boolean } = {},
): Promise<{ user: UserView; initialPassword: string | null }> {
  if (
    !canUser(
      ctx.principal,
      'user.create',
      await unitPaths(
        ctx.db,
        input.roles.map((r) => r.unitId),
      ),
    )
  )
    throw forbidden();
  assertLoginIsNoOtherPhone(input);
  return insertUser(ctx, input, {
    ...options,
    // Checked again where the units sit once held: one moved out of the admin's scope meanwhile.
    grantable: (paths) => {
      if (!canUser(ctx.principal, 'user.create', paths)) throw forbidden();
    },
  });
}

async function ensureLoginFree(db: Db, login: string, phone?: string) {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (taken)
    throw new AppError('CONFLICT', `login ${login} is taken`, [
      { path: 'login', message: 'taken', code: 'taken' },
    ]);
  if (phone) {
    const [p] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
    if (p)
      throw new AppError('CONFLICT', 'the phone number is registered', [
        { path: 'phone', message: 'taken', code: 'taken' },
      ]);
  }
}

/**
 * Creates the account without authorising: callers are createUser, invitations, self-registration,
 * the demo seed and the CLI. Not a kernel command: an invitation's acceptance (`within`) writes its
 * own audit event, by the new account, after this one and in the same transaction.
 */
export async function insertUser(
  ctx: ServiceContext,
  input: CreateUserInput,
  options: {
    isDemo?: boolean;
    mustChangePassword?: boolean;
    /** Refuses the grants by the paths of their units, as held in the transaction (an admin's scope). */
    grantable?: (unitPaths: string[]) => void;
    /** Runs in the same transaction, after the user row exists (e.g. consuming an invitation). */
    within?: (tx: Tx, userId: string) => Promise<void>;
  } = {},
): Promise<{ user: UserView; initialPassword: string | null }> {
  if (input.password) assertStrongPassword(input.password, input.login, 'password');
  await ensureLoginFree(ctx.db, input.login, input.phone);
  const initialPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const grants = dedupe(input.roles);
  const id = await transaction(ctx.db, async (tx) => {
    // The units are held before anything is written: one deleted since the caller's checks is an
    // unknown unit (a VALIDATION problem) rather than a foreign key broken at the grants' insert.
    const paths = await heldUnitPaths(
      tx,
      grants.map((g) => g.unitId),
    );
    options.grantable?.(paths);
    const [row] = await tx
      .insert(users)
      .values({
        login: input.login,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? initialPassword !== null,
        isDemo: options.isDemo ?? false,
      })
      .returning({ id: users.id });
    if (grants.length) await tx.insert(userRoles).values(grants.map((g) => ({ userId: row!.id, ...g })));
    await audit(tx, actor(ctx), {
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      after: { login: input.login, displayName: input.displayName, roles: grants },
    });
    await options.within?.(tx, row!.id);
    return row!.id;
  });
  return { user: await getUserView(ctx.db, id), initialPassword };
}

const silentLog = pino({ level: 'silent' });

/**
 * Operator's account creation from the command line (the first admin of a new district):
 * the same validation and audit as the admin page, scoped to the unit with `unitCode`
 * or to the root of the tree.
 */
export async function createUserFromCli(
  db: Db,
  input: {
    login: string;
    displayName: string;
    role: string;
    unitCode?: string | undefined;
    password?: string | undefined;
  },
) {
  const unit = input.unitCode ? await unitByCode(db, input.unitCode) : await oldestRoot(db);
  if (!unit)
    throw new AppError(
      'NOT_FOUND',
      input.unitCode ? `no unit with code ${input.unitCode}` : 'the unit tree is empty',
    );
  const parsed = CreateUserInput.safeParse({
    login: input.login,
    displayName: input.displayName,
    password: input.password,
    roles: [{ role: input.role, unitId: unit.id }],
  });
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  return insertUser(
    {
      db,
      principal: null,
      log: silentLog,
      sms: { name: 'none', send: async () => {} },
      requestId: 'cli',
      systemLabel: 'cli',
    },
    parsed.data,
  );
}
