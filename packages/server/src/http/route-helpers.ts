import { OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';
import { unstorableTextErrors } from './input.js';
import { Problem, zodIssuesToFieldErrors } from './problem.js';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

/** The error responses every route may give, documented once. */
export const errors = {
  400: problem('Invalid input'),
  401: problem('Not signed in'),
  403: problem('Not allowed, or CSRF check failed'),
  404: problem('Not found'),
  409: problem('Conflict'),
  422: problem('Not allowed in the current state'),
  429: problem('Too many requests'),
} as const;

export const NoContent = { description: 'Done' } as const;

export const Page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ total: z.number().int(), items: z.array(item) }).openapi(name);

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * A router whose validation failures become VALIDATION problems. Input that passes its schema
 * is also refused when it holds text the database cannot store (NUL, a lone surrogate): checked
 * here once for the body, query and path of every route, instead of in each string schema.
 */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'VALIDATION',
          'the request does not match the schema',
          zodIssuesToFieldErrors(result.error.issues),
        );
      }
      const unstorable = unstorableTextErrors(result.data);
      if (unstorable.length)
        throw new AppError('VALIDATION', 'the request holds text that cannot be stored', unstorable);
    },
  });
}

export type Router = ReturnType<typeof newRouter>;

/** A router whose routes under `paths` (Hono patterns) all refuse anonymous callers. */
export function signedInRouter(paths: readonly string[]) {
  const router = newRouter();
  for (const path of paths) {
    router.use(path, async (c, next) => {
      requireUser(c.get('principal'));
      await next();
    });
  }
  return router;
}

export const requireUser = (principal: unknown) => {
  if (!principal) throw new AppError('UNAUTHENTICATED');
};

export { z };
