import { operationsOf } from '../openapi/describe.js';
import { openApiDocument } from '../openapi/document.js';

let operations: Array<{ method: string; pattern: RegExp; codes: string[] }> | undefined;

/**
 * The error codes the API document lists for the operation a request of `method` on `path`
 * reaches: a test that meets a refusal checks it against them, so the document cannot omit a
 * refusal the code makes.
 */
export function documentedErrors(method: string, path: string): string[] {
  operations ??= operationsOf(openApiDocument()).map((o) => ({
    method: o.method,
    pattern: new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    codes: (o.op['x-error-codes'] as string[] | undefined) ?? [],
  }));
  const bare = path.split('?')[0]!;
  const found = operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(bare));
  if (!found) throw new Error(`no operation answers ${method} ${path}`);
  return found.codes;
}
