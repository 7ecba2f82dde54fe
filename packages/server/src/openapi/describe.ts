import { type ErrorCode, errorStatus, errorTitles } from '../errors.js';
import { impliedErrors, type OperationDocs } from './operation-docs.js';

export type Locale = 'zh-CN' | 'en';
type Json = Record<string, unknown>;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
const otherOf = (l: Locale): Locale => (l === 'en' ? 'zh-CN' : 'en');

/** Every operation of the document by id, with its path and method. */
export function operationsOf(doc: object): Array<{ id: string; path: string; method: string; op: Json }> {
  const out: Array<{ id: string; path: string; method: string; op: Json }> = [];
  for (const [path, item] of Object.entries(((doc as Json).paths ?? {}) as Record<string, Json>))
    for (const method of methods) {
      const op = item[method] as Json | undefined;
      if (op?.operationId) out.push({ id: String(op.operationId), path, method, op });
    }
  return out;
}

/**
 * The document with each operation's summary and description in `locale` (the other language
 * under `x-translations`), and its error responses cut to the codes it may answer: each status
 * lists its codes with their titles, and `x-error-codes` lists them all.
 */
export function describeDocument<T extends object>(doc: T, docs: OperationDocs, locale: Locale): T {
  const copy = structuredClone(doc);
  for (const { id, path, method, op } of operationsOf(copy as Json)) {
    const d = docs[id];
    if (!d) continue;
    const other = otherOf(locale);
    op.summary = d.summary[locale];
    op.description = d.description[locale];
    op['x-translations'] = { [other]: { summary: d.summary[other], description: d.description[other] } };
    const hasInput = (Array.isArray(op.parameters) && op.parameters.length > 0) || !!op.requestBody;
    const codes = [...new Set([...impliedErrors({ method, path, hasInput }, d), ...(d.errors ?? [])])];
    op['x-error-codes'] = codes;
    const responses = { ...(op.responses as Record<string, Json>) };
    const generic = Object.entries(responses).find(([status]) => Number(status) >= 400)?.[1];
    for (const status of Object.keys(responses)) if (Number(status) >= 400) delete responses[status];
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of codes)
      byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
    for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0]))
      responses[String(status)] = {
        ...(generic ?? {}),
        description: list.map((c) => `${c}: ${errorTitles[c][locale]}`).join('; '),
      };
    op.responses = responses;
  }
  return copy;
}
