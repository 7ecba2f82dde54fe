import { defaultStallDays } from '@qianxing/core/business';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { ProjectSettings } from '../contracts-projects.js';
import { businessProjectSettings } from '../schema.js';

/** The stall limits in force: the office's row, or the defaults. */
export async function projectSettings(db: Db): Promise<ProjectSettings> {
  const [row] = await db.select().from(businessProjectSettings).where(eq(businessProjectSettings.id, 1));
  return { stallDays: { ...defaultStallDays, ...(row?.stallDays ?? {}) } };
}
