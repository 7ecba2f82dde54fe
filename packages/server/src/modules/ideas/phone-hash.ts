import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { settings } from '../../settings.js';
import { ideaSecrets } from './schema.js';

// Per database: the test suite runs many databases in one process, each with its own key.
const keys = new WeakMap<Db, Promise<string>>();

async function loadKey(db: Db): Promise<string> {
  const fromEnv = settings().QIANXING_PHONE_HASH_KEY;
  if (fromEnv) return fromEnv;
  await db
    .insert(ideaSecrets)
    .values({ name: 'phone', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(ideaSecrets).where(eq(ideaSecrets.name, 'phone'));
  return row!.value;
}

/**
 * A keyed hash (HMAC-SHA256) of a mobile number: what the supports table keeps to count one
 * anonymous support per phone without keeping the phone. Mobile numbers are few enough to try
 * them all, so a plain hash would not hide them; without the key this one does.
 */
export async function phoneHash(db: Db, phone: string): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = loadKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return createHmac('sha256', await key)
    .update(phone)
    .digest('base64url');
}
