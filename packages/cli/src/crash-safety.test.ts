import { demoTemplate } from '@qianxing/server/test-support/demo-template';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { scratchDatabase } from './test-support/scratch-db.js';
import { demoPasswords, signIn, startServeProcess } from './test-support/serve-process.js';

/**
 * Kill -9 while concurrent clients write: after a restart, every write that was acknowledged
 * with a 2xx must be there. Half the writes create units as the office (one transaction each),
 * half are anonymous public suggestions (committed in groups with concurrent ones). Runs on the embedded database, and on PostgreSQL when DATABASE_URL
 * is set. The server runs as a real process, started with node directly and killed by its pid.
 */
const TOTAL = 2000;
const CLIENTS = 20;
const KILL_AFTER = 700;
// Removed after the file, when the servers using it have stopped or been killed.
const dataDirs = tempFolders('qx-crash-');

/** `accounts`: the demo passwords of a database seeded already; else `serve --demo` seeds it. */
async function scenario(base: NodeJS.ProcessEnv, accounts?: Record<string, string>) {
  // Every suggestion comes from one address, and is looked up from it after the restart: the
  // per-address limits would refuse most of them.
  const env = { ...base, QIANXING_IDEAS_SUBMIT_LIMIT: '1000000', QIANXING_IDEAS_TRACK_LIMIT: '1000000' };
  const first = await startServeProcess(env);
  const password = (accounts ?? demoPasswords(first.output)).office!;
  const auth = await signIn(first.url, 'office', password);
  const unitList = (await (await fetch(`${first.url}/api/v1/units`)).json()) as Array<{
    id: string;
    code: string;
    kind: string;
  }>;
  const root = unitList.find((u) => u.code === 'QJ')!.id;
  const town = unitList.find((u) => u.kind === 'subdistrict')!.id;
  const acknowledged: string[] = [];
  const trackingCodes: string[] = [];
  let next = 0;
  let killed = false;
  const writeUnit = async (code: string) => {
    const res = await fetch(`${first.url}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify({ code, name: `压测单位${code}`, kind: 'other', parentId: root }),
    });
    if (res.status >= 200 && res.status < 300) acknowledged.push(code);
    await res.arrayBuffer();
  };
  const writeSuggestion = async (n: number) => {
    const res = await fetch(`${first.url}/api/v1/public/suggestions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `压测建议第${n}条`,
        body: `建议在高铁站增设第${n}号公交接驳站点，方便市民换乘。`,
        townId: town,
        authorKind: 'resident',
      }),
    });
    const body = (await res.json()) as { trackingCode?: string };
    if (res.status === 201 && body.trackingCode) trackingCodes.push(body.trackingCode);
  };
  const worker = async () => {
    while (next < TOTAL && !killed) {
      const n = next++;
      try {
        await (n % 2 === 0 ? writeUnit(`CRASH-${n}`) : writeSuggestion(n));
      } catch {
        // Connection refused or reset once the server is gone: that write was never acknowledged.
      }
      if (acknowledged.length + trackingCodes.length >= KILL_AFTER && !killed) {
        killed = true;
        process.kill(first.child.pid!, 'SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  if (!killed) process.kill(first.child.pid!, 'SIGKILL');
  // A process killed by a signal has no exit code, only a signal code.
  await new Promise((resolve) =>
    first.child.exitCode !== null || first.child.signalCode !== null
      ? resolve(null)
      : first.child.once('exit', resolve),
  );

  const second = await startServeProcess(env);
  try {
    const again = await signIn(second.url, 'office', password);
    const units = (await (await fetch(`${second.url}/api/v1/units`)).json()) as Array<{ code: string }>;
    const present = new Set(units.map((u) => u.code));
    const lost = acknowledged.filter((code) => !present.has(code));
    expect(acknowledged.length + trackingCodes.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost).toEqual([]);
    const lostSuggestions: string[] = [];
    for (const code of trackingCodes) {
      const res = await fetch(`${second.url}/api/v1/public/track/${code}`);
      await res.arrayBuffer();
      if (res.status !== 200) lostSuggestions.push(code);
    }
    expect(trackingCodes.length).toBeGreaterThan(KILL_AFTER / 4);
    expect(lostSuggestions).toEqual([]);
    // The audit events of those writes were committed with them, and are sealed after restart:
    // asked again every 200 ms (the sealer runs each second) rather than after a fixed 2.5 s.
    const readChain = async () =>
      (await (
        await fetch(`${second.url}/api/v1/audit/chain`, { headers: { cookie: again.cookie } })
      ).json()) as { ok: boolean; unsealed: number; sealed: number };
    let chain = await readChain();
    for (const deadline = Date.now() + 30_000; chain.unsealed > 0 && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      chain = await readChain();
    }
    expect(chain.ok).toBe(true);
    expect(chain.sealed).toBeGreaterThanOrEqual(acknowledged.length + trackingCodes.length);
    return { acknowledged: acknowledged.length + trackingCodes.length, present: present.size };
  } finally {
    await second.stop();
  }
}

describe('crash safety', () => {
  it('loses no acknowledged write on the embedded database after kill -9', { timeout: 300_000 }, async () => {
    const result = await scenario({
      QIANXING_DATA_DIR: dataDirs(),
      DATABASE_URL: '',
    });
    console.info(
      `PGlite: ${result.acknowledged} writes acknowledged before kill -9, all present after restart`,
    );
  });

  it.runIf(!!process.env.DATABASE_URL)(
    'loses no acknowledged write on PostgreSQL after kill -9',
    { timeout: 300_000 },
    async () => {
      // A copy of the run's seeded demo district, as the PGlite case already seeds one.
      const demo = await demoTemplate();
      const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'qx_crash', demo?.name);
      try {
        const result = await scenario({ DATABASE_URL: scratch.url }, demo?.accounts);
        console.info(
          `PostgreSQL: ${result.acknowledged} writes acknowledged before kill -9, all present after restart`,
        );
      } finally {
        await scratch.drop();
      }
    },
  );
});
