import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors.js';
import type { AppEnv } from '../http/env.js';
import { modules } from '../modules/registry.js';
import { operationsOf } from './describe.js';
import { allOperationDocs } from './docs/index.js';
import { openApiDocument } from './document.js';

const cjk = /[\u4e00-\u9fff]/;

describe('the API document’s words', () => {
  const doc = openApiDocument();
  const ops = operationsOf(doc);
  const docs = allOperationDocs(modules);

  it('name only operations that exist, each in Chinese and English, with known error codes', () => {
    const ids = new Set(ops.map((o) => o.id));
    for (const [id, d] of Object.entries(docs)) {
      expect(ids.has(id), `${id} is not an operation`).toBe(true);
      expect(d.summary['zh-CN'], id).toMatch(cjk);
      expect(d.description['zh-CN'], id).toMatch(cjk);
      expect(d.summary.en, id).not.toMatch(cjk);
      expect(d.description.en.length, id).toBeGreaterThan(d.summary.en.length);
      for (const code of d.errors ?? []) expect(ErrorCode.options, `${id}: ${code}`).toContain(code);
    }
  });

  it('give each described operation its summary and its error codes only', () => {
    const login = ops.find((o) => o.id === 'auth.login')!.op;
    expect(login.summary).toBe('Sign in');
    expect(login['x-error-codes']).toEqual([
      'VALIDATION',
      'PASSWORD_CHANGE_REQUIRED',
      'CSRF',
      'PAYLOAD_TOO_LARGE',
      'REQUEST_TIMEOUT',
      'INTERNAL',
      'UNAVAILABLE',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED',
    ]);
    expect(Object.keys(login.responses as object).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '408',
      '413',
      '429',
      '500',
      '503',
    ]);
    expect((login['x-translations'] as Record<string, { summary: string }>)['zh-CN']!.summary).toBe('登录');
    // Changing the password is what an account holding one someone else set may still do.
    const change = ops.find((o) => o.path === '/api/v1/auth/password' && o.method === 'post')!.op;
    expect(change['x-error-codes']).not.toContain('PASSWORD_CHANGE_REQUIRED');
  });
});

/** The operation ids of one module's router. */
function operationIdsOf(router: NonNullable<(typeof modules)[number]['router']>): string[] {
  const app = new OpenAPIHono<AppEnv>();
  app.route('/', router);
  return operationsOf(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } })).map(
    (o) => o.id,
  );
}

describe('every operation is described', () => {
  const docs = allOperationDocs(modules);
  it.each(modules.filter((m) => m.router).map((m) => [m.name, m] as const))('in module %s', (_, m) => {
    const missing = operationIdsOf(m.router!).filter((id) => !docs[id]);
    expect(missing).toEqual([]);
  });

  it('of the platform’s own routes, and so of the whole document', () => {
    const inModules = new Set(modules.flatMap((m) => (m.router ? operationIdsOf(m.router) : [])));
    const own = operationsOf(openApiDocument()).filter((o) => !inModules.has(o.id));
    expect(own.filter((o) => !docs[o.id]).map((o) => o.id)).toEqual([]);
    expect(operationsOf(openApiDocument()).filter((o) => !o.op.summary || !o.op.description)).toEqual([]);
  });
});
