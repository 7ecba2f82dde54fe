import type { ServiceContext } from '../context.js';
import { AppError } from '../errors.js';
import { districtRoot } from '../modules/units/api.js';
import { insertUser, type UserView } from '../modules/users/api.js';
import { checkPhoneCode, consumePhoneCode, sendPhoneCode } from './phone-codes.js';

/**
 * Sends a six-digit registration code to the phone; one a minute per phone, ten an hour per
 * address. Refused before any is sent while there is no district to register in: a text message
 * for a form that cannot yet succeed costs the district and spends the phone's limits.
 */
export async function requestRegistrationCode(
  ctx: ServiceContext,
  phone: string,
): Promise<{ expiresInSeconds: number; resendInSeconds: number }> {
  await registrationDistrict(ctx);
  return sendPhoneCode(ctx, phone, 'register');
}

/** The district a citizen registers in, or the refusal that there is none yet. */
async function registrationDistrict(ctx: ServiceContext): Promise<string> {
  const root = await districtRoot(ctx.db);
  // Nothing the citizen typed is at fault: the refusal names what is missing, as a page words it.
  if (!root)
    throw new AppError('INVALID_STATE', 'the unit tree has no district yet', [
      { path: 'district', message: 'no district yet', code: 'no_district' },
    ]);
  return root.id;
}

/** A citizen's own account: the login is the phone number, the role citizen over the whole district. */
export async function registerCitizen(
  ctx: ServiceContext,
  input: { phone: string; code: string; password: string; displayName: string },
): Promise<UserView> {
  const codeHash = await checkPhoneCode(ctx, input.phone, input.code, 'register');
  const { user } = await insertCitizen(ctx, input, await registrationDistrict(ctx), codeHash);
  return user;
}

/**
 * The account, or the refusal of a phone already in use said of the phone field: the login is the
 * phone, so the users module's refusal names `login`, a field the registration form does not have.
 */
async function insertCitizen(
  ctx: ServiceContext,
  input: { phone: string; password: string; displayName: string },
  districtId: string,
  codeHash: string,
) {
  try {
    return await insertUser(
      { ...ctx, principal: null },
      {
        login: input.phone,
        displayName: input.displayName,
        phone: input.phone,
        password: input.password,
        roles: [{ role: 'citizen', unitId: districtId }],
      },
      {
        mustChangePassword: false,
        within: async (tx) => {
          await consumePhoneCode(tx, input.phone, codeHash);
        },
      },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT')
      throw new AppError('CONFLICT', 'the phone number is registered', [
        { path: 'phone', message: 'registered', code: 'phone_registered' },
      ]);
    throw error;
  }
}
