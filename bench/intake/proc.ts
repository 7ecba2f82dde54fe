import { readFileSync } from 'node:fs';

/** CPU seconds a process has used (user + system, all its threads), from /proc: Linux only, else 0. */
export function cpuSeconds(pid: number): number {
  try {
    // The command name may hold spaces: the fields are counted after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Waits until the process has used less than a tenth of a core in each of three two-second
 * spells running (its start-up work done: the text index built, the first clustering, the
 * seed's audit events sealed; a step waiting on the database can look quiet for one spell), or
 * `maxMs` has passed. Answers the seconds waited.
 */
export async function quiet(pid: number, maxMs = 120_000): Promise<number> {
  const started = Date.now();
  let before = cpuSeconds(pid);
  for (let calm = 0; calm < 3 && Date.now() - started < maxMs; ) {
    await new Promise((r) => setTimeout(r, 2_000));
    const now = cpuSeconds(pid);
    calm = now - before < 0.2 ? calm + 1 : 0;
    before = now;
  }
  return Math.round((Date.now() - started) / 1000);
}
