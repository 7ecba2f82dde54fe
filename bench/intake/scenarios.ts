import { pick, seededRandom } from '@qianxing/core/random';
import autocannon from 'autocannon';
import { demoPasswords, signIn } from '../../packages/cli/src/test-support/serve-process.js';
import {
  demoDomainCodes,
  demoSuggestionText,
} from '../../packages/server/src/modules/ideas/seed/demo-text.js';
import { cpuSeconds } from './proc.js';

export interface Row {
  scenario: string;
  database: string;
  connections: number;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  non2xx: number;
  errors: number;
  /** CPU time of the serving process (all its threads) per request answered; Linux only. */
  serverCpuMsPerRequest: number;
}

type Server = { url: string; output: string; child: { pid?: number } };

const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 5);
type Setup = (req: Record<string, unknown>) => Record<string, unknown>;

async function drive(
  scenario: string,
  database: string,
  url: string,
  /** The serving process, whose CPU time is read. */
  pid: number,
  connections: number,
  duration: number,
  headers: Record<string, string>,
  setupRequest: Setup,
): Promise<Row> {
  const options = {
    url,
    connections,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, setupRequest }],
  };
  // Not counted: the same load for a few seconds first, so that the figures are of a server in
  // its steady state (code compiled by the JIT, caches filled, the audit events of the demo seed
  // sealed), not of its first seconds.
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const cpuBefore = cpuSeconds(pid);
  const run = await autocannon({ ...options, duration });
  const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
  const row: Row = {
    scenario,
    database,
    connections,
    requestsPerSecond: Math.round(run.requests.average),
    p50ms: run.latency.p50,
    p99ms: run.latency.p99,
    non2xx: run.non2xx,
    errors: run.errors,
    serverCpuMsPerRequest: Math.round((cpuMs / Math.max(1, run.requests.total)) * 100) / 100,
  };
  console.log(
    `${scenario.padEnd(11)} ${database.padEnd(8)} ${String(connections).padStart(2)} connections: ` +
      `${row.requestsPerSecond} req/s, p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, non-2xx ${row.non2xx}, errors ${row.errors}, ` +
      `server CPU ${row.serverCpuMsPerRequest} ms/req`,
  );
  return row;
}

const unitList = async (url: string) =>
  (await (await fetch(`${url}/api/v1/units`)).json()) as Array<{ id: string; code: string; kind: string }>;

/** POST /api/v1/units as the district office: session, CSRF, policy, reads, insert, audit. */
export async function unitsScenario(server: Server, kind: string, connections: number, duration: number) {
  const auth = await signIn(server.url, 'office', demoPasswords(server.output).office!);
  const root = (await unitList(server.url)).find((u) => u.code === 'QJ')!.id;
  let n = 0;
  return drive(
    'units',
    kind,
    `${server.url}/api/v1/units`,
    server.child.pid!,
    connections,
    duration,
    { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
    (req) => ({
      ...req,
      body: JSON.stringify({
        code: `B${connections}-${n++}`,
        name: `基准单位${n}`,
        kind: 'other',
        parentId: root,
      }),
    }),
  );
}

const townKinds = new Set(['subdistrict', 'town', 'township']);
const authorKinds = [
  'resident',
  'resident',
  'resident',
  'cadre',
  'native_abroad',
  'enterprise',
  'student',
  'deputy',
];

/** A suggestion's body: a different Chinese text each time, a random town, sometimes a name and phone. */
function suggestionBodies(towns: string[], connections: number) {
  const rand = seededRandom(connections);
  let n = 0;
  return (req: Record<string, unknown>) => {
    n++;
    const text = demoSuggestionText(rand, pick(rand, demoDomainCodes));
    const named = rand() < 0.3;
    return {
      ...req,
      body: JSON.stringify({
        title: text.title.slice(0, 70),
        body: `${text.body}（第${connections}-${n}条）`,
        townId: pick(rand, towns),
        authorKind: pick(rand, authorKinds),
        ...(named ? { realName: '王建国', phone: `139${String(10_000_000 + n).slice(-8)}` } : {}),
      }),
    };
  };
}

const townsOf = async (url: string) =>
  (await unitList(url)).filter((u) => townKinds.has(u.kind)).map((u) => u.id);

/**
 * POST /api/v1/public/suggestions, anonymous: a different Chinese suggestion each request
 * (demo templates plus a running number), a random town, sometimes a name and phone.
 */
export async function suggestionsScenario(
  server: Server,
  kind: string,
  connections: number,
  duration: number,
) {
  const towns = await townsOf(server.url);
  const url = `${server.url}/api/v1/public/suggestions`;
  const bodies = suggestionBodies(towns, connections);
  return drive('suggestions', kind, url, server.child.pid!, connections, duration, {}, bodies);
}

/**
 * The same bodies, as many connections, to the bare Hono + zod server that inserts each with one
 * statement (ceiling-server.ts): what the machine allows a request of this stack at all.
 */
export async function ceilingScenario(
  server: Server,
  ceiling: Server,
  kind: string,
  connections: number,
  duration: number,
) {
  const towns = await townsOf(server.url);
  const url = `${ceiling.url}/submit`;
  const bodies = suggestionBodies(towns, connections);
  return drive('ceiling', kind, url, ceiling.child.pid!, connections, duration, {}, bodies);
}

/**
 * GET /api/v1/public/stats over the full demo: the first request (which also closes the past
 * days into the rollup), then requests 6 s apart so the 5 s per-process cache has expired.
 */
export async function statsScenario(server: Server, kind: string) {
  const time = async () => {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/public/stats`);
    const body = (await res.json()) as { participations: number };
    if (res.status !== 200) throw new Error(`stats answered ${res.status}`);
    return { ms: Math.round(performance.now() - t0), participations: body.participations };
  };
  const first = await time();
  const later: number[] = [];
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 5_100));
    later.push((await time()).ms);
  }
  const cached = await time();
  // An organiser's dashboard: their own street only, counted live on every request.
  const auth = await signIn(server.url, 'organiser', demoPasswords(server.output).organiser!);
  const scoped: number[] = [];
  let scopedParticipations = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/ideas/stats`, { headers: { cookie: auth.cookie } });
    if (res.status !== 200) throw new Error(`staff stats answered ${res.status}`);
    scopedParticipations = ((await res.json()) as { participations: number }).participations;
    scoped.push(Math.round(performance.now() - t0));
  }
  console.log(
    `stats       ${kind.padEnd(8)} ${first.participations} participations: first ${first.ms} ms, ` +
      `uncached ${later.join('/')} ms, cached ${cached.ms} ms; ` +
      `an organiser's street (${scopedParticipations}): ${scoped.join('/')} ms`,
  );
  return {
    scenario: 'stats',
    database: kind,
    participations: first.participations,
    firstMs: first.ms,
    uncachedMs: later,
    cachedMs: cached.ms,
    organiserParticipations: scopedParticipations,
    organiserMs: scoped,
  };
}
