// Intake throughput of this checkout against another (an earlier commit, built), measured in
// interleaved windows: both servers run at once on their own fresh PostgreSQL databases with the
// full demo, and the same public-submission load goes to one, then the other, round after round
// (the order swapped every round). On a machine whose speed drifts by half within minutes, two
// windows seconds apart see nearly the same machine, so the ratio of each pair is a fair figure
// where separate runs minutes apart are not.
//
// Run: npx tsx --conditions=source bench/intake/ab.ts --base ../other-checkout
//        [--rounds 8] [--seconds 8] [--connections 50] [--warmup 30]
// The other checkout needs its build (`npm run build` there); this one too.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scratchDatabase } from '../../packages/cli/src/test-support/scratch-db.js';
import { type ServeProcess, whenServing } from '../../packages/cli/src/test-support/serve-process.js';
import { cpuSeconds } from './proc.js';

// Each window is measured alone: the warm-up below is its own step.
process.env.BENCH_WARMUP = '0';
const { suggestionsScenario } = await import('./scenarios.js');

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1]!;
};
const base = resolve(arg('--base', ''));
const rounds = Number(arg('--rounds', '8'));
const seconds = Number(arg('--seconds', '8'));
const connections = Number(arg('--connections', '50'));
const warmup = Number(arg('--warmup', '30'));
const here = resolve(import.meta.dirname, '..', '..');
const postgres = process.env.DATABASE_URL || 'postgres://qx:qx@127.0.0.1:5432/qx_test';

/**
 * `node ROOT/packages/cli/dist/main.js serve --demo` on a scratch database of its own; `drop()`,
 * once it has stopped, removes the database and its data folder.
 */
async function serve(root: string): Promise<ServeProcess & { drop(): Promise<void> }> {
  const scratch = await scratchDatabase(postgres, 'qx_ab');
  const dataDir = mkdtempSync(join(tmpdir(), 'qx-ab-'));
  const drop = async () => {
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  // BENCH_NODE_ARGS passes flags to both servers' node, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const main = join(root, 'packages/cli/dist/main.js');
  const child = spawn(process.execPath, [...nodeArgs, main, 'serve', '--port', '0', '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: scratch.url,
      QIANXING_DATA_DIR: dataDir,
      // Every request comes from one address: the per-address limit would refuse nearly all.
      QIANXING_IDEAS_SUBMIT_LIMIT: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return { ...(await whenServing(child, 300_000)), drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** CPU seconds used by every PostgreSQL process of the machine (only one server is loaded at a time). */
function postgresSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        total += cpuSeconds(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const [current, other] = await Promise.all([serve(here), serve(base)]);
try {
  const sides = [
    { name: 'this', server: current, rates: [] as number[], appMs: [] as number[], dbMs: [] as number[] },
    { name: 'base', server: other, rates: [] as number[], appMs: [] as number[], dbMs: [] as number[] },
  ];
  for (const side of sides) await suggestionsScenario(side.server, `warm-${side.name}`, connections, warmup);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const [app0, db0] = [cpuSeconds(side.server.child.pid!), postgresSeconds()];
      const row = await suggestionsScenario(side.server, side.name, connections, seconds);
      const requests = row.requestsPerSecond * seconds;
      side.rates.push(row.requestsPerSecond);
      // CPU per request: what a busy, drifting machine changes least.
      side.appMs.push((1000 * (cpuSeconds(side.server.child.pid!) - app0)) / requests);
      side.dbMs.push((1000 * (postgresSeconds() - db0)) / requests);
    }
  }
  const [mine, theirs] = [sides[0]!.rates, sides[1]!.rates];
  const ratios = mine.map((r, i) => r / theirs[i]!);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`rounds ${rounds} × ${seconds} s at ${connections} connections`);
  console.log(`this: median ${median(mine)} req/s; base: median ${median(theirs)} req/s`);
  console.log(
    `ratio this/base per round: median ${median(ratios).toFixed(3)}, ` +
      `range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; ` +
      `of the totals ${(sum(mine) / sum(theirs)).toFixed(3)}`,
  );
  for (const side of sides)
    console.log(
      `${side.name}: CPU per request, median: server ${median(side.appMs).toFixed(2)} ms, ` +
        `PostgreSQL ${median(side.dbMs).toFixed(2)} ms`,
    );
  console.log(
    `RESULT_JSON ${JSON.stringify({ bench: 'intake-ab', connections, seconds, mine, theirs, ratios })}`,
  );
} finally {
  await Promise.all([current.stop(), other.stop()]);
  await Promise.all([current.drop(), other.drop()]);
}
