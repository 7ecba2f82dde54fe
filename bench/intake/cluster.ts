/**
 * Public submissions through nginx to two app instances, beside the same load sent straight to
 * one of them, in one run on one cluster (scripts/cluster.sh: a PostgreSQL primary and its
 * streaming replica, two instances, nginx), seeded with the full demo district.
 *
 *   npm run build && npx tsx --conditions=source bench/intake/cluster.ts --duration 10
 *
 * BENCH_CONNECTIONS (10,50) and BENCH_WARMUP (5 s) as in run.ts. Needs Debian's nginx and
 * postgresql. The last line is RESULT_JSON {...}.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Row, suggestionsScenario } from './scenarios.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const duration = Number(args[args.indexOf('--duration') + 1] || 10);
const connectionsList = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'qianxing-bench-cluster-'));
const env = {
  ...process.env,
  QX_CLUSTER_DIR: dir,
  QX_CLUSTER_PG_PORT: '5471',
  QX_CLUSTER_APP_PORT: '3141',
  QX_CLUSTER_HTTP_PORT: '8108',
  QX_CLUSTER_DEMO: 'full',
  QIANXING_IDEAS_SUBMIT_LIMIT: '100000000',
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
};
const script = (arg: string) => run('bash', ['scripts/cluster.sh', arg], { cwd: root, env });

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`load average at start: ${load()}`);
const rows: Array<Row & { via: string }> = [];
// Taken down and its folder removed however the run ends, a failed start too.
try {
  const started = performance.now();
  await script('up');
  console.log(`cluster up with the full demo in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const cluster = Object.fromEntries(
    readFileSync(join(dir, 'cluster.env'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

  // The demo seed's audit events (about 200,000) are sealed first, as in run.ts's warm-up: the
  // figures are of a cluster in its steady state.
  const unsealed = async () => {
    const res = await fetch(`${cluster.QX_APP1}/metrics`, {
      headers: { authorization: `Bearer ${cluster.QX_METRICS_TOKEN}` },
    });
    const line = (await res.text()).split('\n').find((l) => l.startsWith('qianxing_audit_unsealed_events '));
    return Number(line?.split(' ')[1]);
  };
  const sealStarted = performance.now();
  while ((await unsealed()) > 0 && performance.now() - sealStarted < 600_000)
    await new Promise((r) => setTimeout(r, 1000));
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  console.log(`the seed's audit events sealed after ${sealSeconds.toFixed(1)} s more`);

  // The CPU time read is instance 1's: all of it for the direct run, about half through nginx.
  const first = { pid: Number(cluster.QX_APP1_PID) };
  const targets = { 'one instance': cluster.QX_APP1!, 'nginx, 2 instances': cluster.QX_HTTP! };
  for (const connections of connectionsList) {
    for (const [via, url] of Object.entries(targets)) {
      const row = await suggestionsScenario(
        { url, output: '', child: first },
        'postgres',
        connections,
        duration,
      );
      rows.push({ ...row, via });
    }
    const [single, both] = [rows.at(-2)!, rows.at(-1)!];
    console.log(
      `${connections} connections: nginx with 2 instances ÷ one instance = ${(both.requestsPerSecond / single.requestsPerSecond).toFixed(2)}`,
    );
  }
} finally {
  await script('down');
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average at end: ${load()}`);
console.log(`RESULT_JSON ${JSON.stringify({ duration, rows })}`);
