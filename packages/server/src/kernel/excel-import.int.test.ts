import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../excel/workbook.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn as signInClient } from '../test-support/factories.js';
import { makeCampaign } from '../test-support/factories-ideas.js';

/**
 * The import that once took a minute and 2 GB to say "missing columns", through Node's own HTTP
 * server as in production: a 1.5-million-row workbook is refused well before it could have been
 * read through, and the health check goes on answering meanwhile. The bounds are relative to this
 * machine's speed in this run, since a busy machine is several times slower than an idle one:
 * the refusal must come sooner than writing the same workbook took (it takes about a tenth of
 * that; the import that read the whole file first took a minute), and no health probe may wait
 * half as long as the import (a parse on the event loop would hold one for all of it). The health
 * check must answer again and again while the file is read. The measured figures are printed.
 *
 * The clients (the upload and the health probes) run in a thread of their own, as they would on
 * another machine: in the server's thread, sending 18 MB would be counted against the server.
 */
const rows = 1_500_000;
/**
 * Probes answered while the import ran: one per 30 ms or so, so ten in a second and a half, and
 * one from a server whose event loop the import holds.
 */
const probesDuring = (ms: number) => Math.min(10, Math.floor(ms / 150));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestContext;
let server: ReturnType<typeof serve>;
let base = '';
let folder = '';
let huge = '';
let office: MadeUser;
/** How long writing the workbook took: this machine's speed, now. */
let writeMs = 0;

/** Runs plain JavaScript in a thread and answers with its one message. */
function inThread<T>(code: string, workerData: unknown): Promise<T> {
  const thread = new Worker(code, { eval: true, workerData });
  return new Promise<T>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  }).finally(() => thread.terminate());
}

/** The suggestion import's header, then short inline strings, by exceljs's streaming writer. */
const writerCode = `
  const { workerData, parentPort } = require('node:worker_threads');
  const ExcelJS = require(workerData.exceljs);
  (async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: workerData.file, useSharedStrings: false });
    const sheet = book.addWorksheet('建议导入');
    sheet.addRow(['标题', '内容', '镇街代码', '作者类别', '渠道', '领域', '姓名', '电话']).commit();
    for (let i = 0; i < workerData.rows; i++)
      sheet.addRow(['关于公交接驳的建议第' + i + '号', '建议开通高铁站公交专线']).commit();
    sheet.commit();
    await book.commit();
    parentPort.postMessage(null);
  })();`;

/**
 * Sends a file (when given one) and probes /api/health every 25 ms until the server answers it,
 * or for `probeMs` without a file.
 */
const clientCode = `
  const { workerData: w, parentPort } = require('node:worker_threads');
  const { readFileSync } = require('node:fs');
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  (async () => {
    const started = performance.now();
    let answered = !w.file;
    const upload = w.file
      ? fetch(w.base + w.path, { method: 'POST', headers: w.headers, body: readFileSync(w.file) }).then(
          async (res) => {
            answered = true;
            return { ms: performance.now() - started, status: res.status, body: await res.json() };
          },
        )
      : null;
    const health = [];
    while (w.file ? !answered : performance.now() - started < w.probeMs) {
      const probe = performance.now();
      const res = await fetch(w.base + '/api/health');
      await res.arrayBuffer();
      health.push({ ms: performance.now() - probe, status: res.status });
      await sleep(25);
    }
    parentPort.postMessage({ ...(upload ? await upload : {}), health });
  })();`;

interface ClientResult {
  ms: number;
  status: number;
  body: { code: string; errors: Array<{ code: string }> };
  health: Array<{ ms: number; status: number }>;
}

async function client(work: {
  file?: string;
  path?: string;
  headers?: Record<string, string>;
  probeMs?: number;
}) {
  const result = await inThread<ClientResult>(clientCode, { base, ...work });
  const sorted = result.health.map((h) => h.ms).sort((a, b) => a - b);
  return {
    ...result,
    healthOk: result.health.every((h) => h.status === 200),
    probes: sorted.length,
    median: sorted[sorted.length >> 1] ?? 0,
    p95: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

const healthFigures = (r: Awaited<ReturnType<typeof client>>) =>
  `/api/health ${r.probes} probes, median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`;

/** Signs in over HTTP: the session cookie and the CSRF token a browser would hold. */
async function signIn(user: MadeUser): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.1' },
    body: JSON.stringify({ login: user.login, password: user.password }),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, 'x-csrf-token': csrfToken, 'x-forwarded-for': '10.9.0.1', 'content-type': XLSX };
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'qianxing-import-'));
  huge = join(folder, 'huge.xlsx');
  const exceljs = createRequire(import.meta.url).resolve('exceljs');
  const writing = performance.now();
  await inThread(writerCode, { exceljs, file: huge, rows });
  writeMs = performance.now() - writing;
  t = await createTestContext({ seed: [] });
  office = await makeUser(t, { roles: [['admin', await makeUnit(t)]] });
  // Suggestions are imported into the current campaign.
  await makeCampaign(await signInClient(t, office));
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A running server has served imports before: warm the route and the reader with a small one.
  const small = join(folder, 'small.xlsx');
  writeFileSync(small, await writeSheet('单位', [{ key: 'x', header: '无关' }], [{ x: 1 }]));
  await client({ file: small, path: '/api/v1/units/import', headers: await signIn(office) });
  console.log(`idle server: ${healthFigures(await client({ probeMs: 2000 }))}`);
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  rmSync(folder, { recursive: true, force: true });
});

const figures = (label: string, r: Awaited<ReturnType<typeof client>>) =>
  console.log(
    `${label}: answered ${r.status} ${r.body.errors?.[0]?.code} in ${Math.round(r.ms)} ms; ` +
      `${healthFigures(r)}; server rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );

describe(`a ${rows.toLocaleString('en')}-row workbook`, () => {
  it('is refused within seconds past the row limit, the server answering meanwhile', async () => {
    console.log(
      `workbook: ${(statSync(huge).size / 1e6).toFixed(1)} MB, ${rows} rows, written in ${Math.round(writeMs)} ms; ` +
        `server rss before ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
    const r = await client({ file: huge, path: '/api/v1/ideas/import', headers: await signIn(office) });
    figures('suggestion import', r);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.body.errors[0]!.code).toBe('too_many_rows');
    expect(r.ms).toBeLessThan(writeMs);
    expect(r.healthOk).toBe(true);
    expect(r.probes).toBeGreaterThanOrEqual(probesDuring(r.ms));
    expect(r.max).toBeLessThan(r.ms / 2);
  });

  it('is refused at its header when the header is not the import’s, the server answering meanwhile', async () => {
    const r = await client({ file: huge, path: '/api/v1/units/import', headers: await signIn(office) });
    figures('unit import', r);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(r.body.errors.map((e) => e.code)).toContain('missing_columns');
    expect(r.ms).toBeLessThan(writeMs);
    expect(r.healthOk).toBe(true);
    expect(r.probes).toBeGreaterThanOrEqual(probesDuring(r.ms));
    expect(r.max).toBeLessThan(r.ms / 2);
  });
});
