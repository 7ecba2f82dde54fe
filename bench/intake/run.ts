// Throughput of two write routes and the time of the public figures, against the real server
// process on a fresh database with the full demo, on PostgreSQL and on the embedded PGlite:
// - units: creating a unit as the office (session, CSRF, zod, policy, reads, insert, audit);
// - suggestions: an anonymous public submission (zod, rate limit, classification, near
//   duplicates, insert with participation, timeline and audit event);
// - stats: GET /api/v1/public/stats over 200,000+ participations.
// Run: npx tsx --conditions=source bench/intake/run.ts [--duration 10]
import { statsScenario, suggestionsScenario, unitsScenario } from './scenarios.js';
import { serverMode, startBenchServer } from './server.js';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const duration = Number(arg('--duration')) || 10;
const kinds = (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
const scenarios = (process.env.BENCH_SCENARIOS ?? 'stats,suggestions,units').split(',');
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const { mode, why } = serverMode();
console.log(
  `server: ${mode === 'build' ? 'node packages/cli/dist/main.js (build)' : 'tsx on the sources'} (${why})`,
);

const results: unknown[] = [];
for (const kind of kinds) {
  // The per-address limit of public submissions (30 a minute) would refuse nearly all of them.
  // BENCH_WORKERS server processes on PostgreSQL (the embedded database allows one).
  const workers = kind === 'postgres' ? (process.env.BENCH_WORKERS ?? '1') : '1';
  const server = await startBenchServer(
    kind,
    { QIANXING_IDEAS_SUBMIT_LIMIT: '100000000', QIANXING_WORKERS: workers },
    mode,
  );
  try {
    for (const scenario of scenarios) {
      if (scenario === 'stats') {
        results.push(await statsScenario(server, kind));
        continue;
      }
      for (const connections of connectionCounts) {
        const run = scenario === 'units' ? unitsScenario : suggestionsScenario;
        results.push(await run(server, kind, connections, duration));
      }
    }
  } finally {
    await server.stop();
  }
}
console.log(`RESULT_JSON ${JSON.stringify({ bench: 'intake', server: mode, duration, results })}`);
