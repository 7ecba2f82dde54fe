import { operationsOf } from '../openapi/describe.js';
import { openApiDocument } from '../openapi/document.js';

let operations: Array<{ method: string; pattern: RegExp; codes: string[] }> | undefined;

function operationOf(method: string, path: string) {
  // A path of fixed words first: `/firms/export` is its own operation, not `/firms/{id}`.
  const params = (path: string) => path.split('{').length;
  operations ??= operationsOf(openApiDocument())
    .sort((a, b) => params(a.path) - params(b.path))
    .map((o) => ({
      method: o.method,
      pattern: new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      codes: (o.op['x-error-codes'] as string[] | undefined) ?? [],
    }));
  const bare = path.split('?')[0]!;
  return operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(bare));
}

/**
 * The error codes the API document lists for the operation a request of `method` on `path`
 * reaches: a test that meets a refusal checks it against them, so the document cannot omit a
 * refusal the code makes.
 */
export function documentedErrors(method: string, path: string): string[] {
  const found = operationOf(method, path);
  if (!found) throw new Error(`no operation answers ${method} ${path}`);
  return found.codes;
}

/**
 * Fails the test when a refusal (a problem with a code) answered to `method` on `path` is not
 * among the codes the API document lists for its operation. Every request of the shared test
 * client goes through it, so each refusal the tests meet checks the document. A path no
 * operation answers (an unknown route's 404) has nothing to check.
 */
export function expectDocumentedRefusal(method: string, path: string, status: number, body: unknown) {
  if (status < 400 || !path.startsWith('/api/')) return;
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return;
  const found = operationOf(method, path);
  if (!found || found.codes.includes(code)) return;
  throw new Error(
    `${method.toUpperCase()} ${path.split('?')[0]} answered ${status} ${code}, which its operation's docs do not list (${found.codes.join(', ')})`,
  );
}
