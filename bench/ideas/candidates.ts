// The 十大难题 (hard problems) candidates over the full demo campaign (10,400 suggestions):
// the first request, the next ones, and the first one after a new suggestion arrives.
// Run: npx tsx --conditions=source bench/ideas/candidates.ts   (BENCH_KIND=pglite for PGlite)
import { performance } from 'node:perf_hooks';
import { demoPasswords, signIn } from '../../packages/cli/src/test-support/serve-process.js';
import { startBenchServer } from '../intake/server.js';

const kind = process.env.BENCH_KIND === 'pglite' ? 'pglite' : 'postgres';
const server = await startBenchServer(kind);
const townKinds = new Set(['subdistrict', 'town', 'township']);

/** One timed GET of the candidates; how many clusters came back. */
async function candidates(cookie: string): Promise<{ ms: number; n: number }> {
  const start = performance.now();
  const res = await fetch(`${server.url}/api/v1/ideas/lists/hard_problem/candidates`, {
    headers: { cookie },
  });
  if (res.status !== 200) throw new Error(`candidates answered ${res.status}`);
  const body = (await res.json()) as unknown[];
  return { ms: performance.now() - start, n: body.length };
}

/** A new suggestion from the public form, which changes what the clusters are made of. */
async function submit(n: number) {
  const units = (await (await fetch(`${server.url}/api/v1/units`)).json()) as { id: string; kind: string }[];
  const town = units.find((u) => townKinds.has(u.kind))!;
  const res = await fetch(`${server.url}/api/v1/public/suggestions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `黔江站公交接驳太少 ${n}`,
      body: `高铁到站后公交班次太少，晚上没有车，建议增加接驳公交线路（第${n}条）`,
      townId: town.id,
      authorKind: 'resident',
    }),
  });
  if (res.status !== 201) throw new Error(`submission answered ${res.status}: ${await res.text()}`);
}

const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
try {
  const { cookie } = await signIn(server.url, 'office', demoPasswords(server.output).office!);
  // BENCH_SETTLE_S: seconds to wait after start, as the office would open the tab later.
  const settle = Number(process.env.BENCH_SETTLE_S ?? 0);
  if (settle > 0) await new Promise((r) => setTimeout(r, settle * 1000));
  const first = await candidates(cookie);
  console.log(`${kind}: hard-problem candidates, ${first.n} clusters`);
  console.log(`  first request (${settle} s after start): ${first.ms.toFixed(0)} ms`);
  const next: number[] = [];
  for (let i = 0; i < 5; i++) next.push((await candidates(cookie)).ms);
  const afterChange: number[] = [];
  for (let i = 0; i < 3; i++) {
    await submit(i);
    // Let the background refresh (if any) see the change, as a person switching tabs would.
    await new Promise((r) => setTimeout(r, 1500));
    afterChange.push((await candidates(cookie)).ms);
  }
  console.log(`  next five:                ${fmt(next)} ms`);
  console.log(`  after a new suggestion:   ${fmt(afterChange)} ms (1.5 s after each submission)`);
  console.log(
    JSON.stringify({
      bench: 'ideas-candidates',
      kind,
      firstMs: first.ms,
      nextMs: next,
      afterChangeMs: afterChange,
    }),
  );
} finally {
  await server.stop();
}
