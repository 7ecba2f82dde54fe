// Throughput of two write routes and the time of the public figures, against the real server
// process on a fresh database with the full demo, on PostgreSQL and on the embedded PGlite:
// - units: creating a unit as the office (session, CSRF, zod, policy, reads, insert, audit);
// - suggestions: an anonymous public submission (zod, rate limit, classification, near
//   duplicates, insert with participation, timeline and audit event);
// - stats: GET /api/v1/public/stats over 200,000+ participations;
// - ceiling: the suggestions' bodies to a bare Hono + zod server with one insert per request, on
//   the same database and machine; each run prints suggestions ÷ ceiling beside the figures.
// Run: npx tsx --conditions=source bench/intake/run.ts [--duration 10]
import { loadavg } from 'node:os';
import { quiet } from './proc.js';
import { ceilingScenario, type Row, statsScenario, suggestionsScenario, unitsScenario } from './scenarios.js';
import { serverMode, startBenchServer, startCeilingServer } from './server.js';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const duration = Number(arg('--duration')) || 10;
const kinds = (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
const scenarios = (process.env.BENCH_SCENARIOS ?? 'stats,suggestions,units').split(',');
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const { mode, why } = serverMode();
console.log(
  `server: ${mode === 'build' ? 'node packages/cli/dist/main.js (build)' : 'tsx on the sources'} (${why})`,
);

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
// The machine is shared: the load before the run says how busy others kept it.
const loadBefore = load();
console.log(`load average before: ${loadBefore.join(' ')}`);
const results: unknown[] = [];
const ratios: Array<{ database: string; connections: number; ratio: number }> = [];
for (const kind of kinds) {
  // The per-address limit of public submissions (30 a minute) would refuse nearly all of them.
  // BENCH_WORKERS server processes on PostgreSQL (the embedded database allows one).
  const workers = kind === 'postgres' ? (process.env.BENCH_WORKERS ?? '1') : '1';
  const server = await startBenchServer(
    kind,
    { QIANXING_IDEAS_SUBMIT_LIMIT: '100000000', QIANXING_WORKERS: workers },
    mode,
  );
  // The server's start-up work (the text index, the first clustering, sealing the seed's audit
  // events) would otherwise run during the first scenario, under the ceiling's load or its own.
  console.log(`server quiet after ${await quiet(server.child.pid!)} s`);
  // The ceiling inserts with pg into a table of its own in the same database: PostgreSQL only.
  const ceiling =
    scenarios.includes('ceiling') && server.databaseUrl ? await startCeilingServer(server.databaseUrl) : null;
  if (scenarios.includes('ceiling') && !ceiling) console.log(`ceiling     ${kind.padEnd(8)} PostgreSQL only`);
  const rows: Row[] = [];
  try {
    for (const scenario of scenarios) {
      if (scenario === 'stats') {
        results.push(await statsScenario(server, kind));
        continue;
      }
      if (scenario === 'ceiling' && !ceiling) continue;
      for (const connections of connectionCounts) {
        const row =
          scenario === 'ceiling'
            ? await ceilingScenario(server, ceiling!, kind, connections, duration)
            : await (scenario === 'units' ? unitsScenario : suggestionsScenario)(
                server,
                kind,
                connections,
                duration,
              );
        rows.push(row);
        results.push(row);
      }
    }
  } finally {
    await ceiling?.stop();
    await server.stop();
  }
  for (const connections of connectionCounts) {
    const of = (s: string) => rows.find((r) => r.scenario === s && r.connections === connections);
    const pipeline = of('suggestions');
    const top = of('ceiling');
    if (!pipeline || !top) continue;
    const ratio = Math.round((pipeline.requestsPerSecond / top.requestsPerSecond) * 100) / 100;
    ratios.push({ database: kind, connections, ratio });
    console.log(
      `pipeline/ceiling ${kind} ${connections} connections: ${pipeline.requestsPerSecond} ÷ ${top.requestsPerSecond} req/s = ${ratio}`,
    );
  }
}
const loadAfter = load();
console.log(`load average after: ${loadAfter.join(' ')}`);
console.log(
  `RESULT_JSON ${JSON.stringify({ bench: 'intake', server: mode, duration, loadBefore, loadAfter, results, ratios })}`,
);
