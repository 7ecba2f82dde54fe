import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './document.js';

const committedSpec = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const committedTypes = fileURLToPath(new URL('../../../web/src/api/schema.ts', import.meta.url));

describe('the committed API document and typed client', () => {
  const fresh = `${JSON.stringify(openApiDocument(), null, 2)}\n`;

  it('match the routes (run `npm run openapi` after changing a route)', () => {
    expect(readFileSync(committedSpec, 'utf8')).toBe(fresh);
  });

  it('give the web app types generated from that document', async () => {
    const types = astToString(await openapiTS(JSON.parse(fresh), { enumValues: true }));
    expect(readFileSync(committedTypes, 'utf8')).toContain(types);
  });
});
