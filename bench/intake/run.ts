// Throughput of an authenticated write route (creating a unit: session lookup, CSRF check,
// zod validation, policy, two reads, insert and audit event in one transaction) on PostgreSQL
// and on the embedded PGlite, at 10 and 50 connections.
// Run: npx tsx --conditions=source bench/intake/run.ts [--duration 10]
import autocannon from 'autocannon';
import { demoPasswords, signIn } from '../../packages/cli/src/test-support/serve-process.js';
import { startBenchServer } from './server.js';

const duration = Number(process.argv[process.argv.indexOf('--duration') + 1]) || 10;
const kinds = (process.env.BENCH_KINDS ?? 'postgres,pglite').split(',') as Array<'postgres' | 'pglite'>;
const results: Array<Record<string, unknown>> = [];

for (const kind of kinds) {
  const server = await startBenchServer(kind);
  try {
    const auth = await signIn(server.url, 'office', demoPasswords(server.output).office!);
    const units = (await (await fetch(`${server.url}/api/v1/units`)).json()) as Array<{
      id: string;
      code: string;
    }>;
    const root = units.find((u) => u.code === 'QJ')!.id;
    for (const connections of [10, 50]) {
      let n = 0;
      const run = await autocannon({
        url: `${server.url}/api/v1/units`,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                code: `B${connections}-${n++}`,
                name: `基准单位${n}`,
                kind: 'other',
                parentId: root,
              }),
            }),
          },
        ],
      });
      const row = {
        database: kind,
        connections,
        requestsPerSecond: Math.round(run.requests.average),
        p50ms: run.latency.p50,
        p99ms: run.latency.p99,
        non2xx: run.non2xx,
        errors: run.errors,
      };
      results.push(row);
      console.log(
        `${kind.padEnd(8)} ${String(connections).padStart(2)} connections: ${row.requestsPerSecond} req/s, p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, non-2xx ${row.non2xx}, errors ${row.errors}`,
      );
    }
  } finally {
    await server.stop();
  }
}
console.log(`RESULT_JSON ${JSON.stringify({ bench: 'intake.units.create', duration, results })}`);
