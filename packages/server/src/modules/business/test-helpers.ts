import { withCheckCharacter } from '@qianxing/core/business';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { Firm } from './contracts.js';

export const xlsxType = {
  'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Problem {
  code: string;
  title: string;
  errors?: Array<{ path: string; code?: string; params?: Record<string, string | number> }>;
}

let serial = 0;
/** A valid credit code no demo firm has (the demo codes' subject identifiers all start MA). */
export function freshCode(): string {
  serial += 1;
  return withCheckCharacter(`91500114T${String(serial).padStart(8, '0')}`);
}

export const townId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

/** A firm the office files in a town (by unit code), answering its record. */
export async function fileFirm(
  t: TestContext,
  client: TestClient,
  town: string,
  extra: Partial<Record<string, unknown>> = {},
): Promise<Firm> {
  const res = await client.post<Firm>('/api/v1/business/firms', {
    name: `测试企业${serial}有限公司`,
    creditCode: freshCode(),
    industryCode: 'C',
    townId: await townId(t, town),
    size: 'small',
    contacts: [{ name: '张伟', phone: '13912345678' }],
    ...extra,
  });
  if (res.status !== 201) throw new Error(`filing a firm failed: ${JSON.stringify(res.body)}`);
  return res.body;
}
