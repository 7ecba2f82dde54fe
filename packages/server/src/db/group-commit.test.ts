import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** A writer that records its batches and takes a few milliseconds, like a commit. */
function recorder(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const write = async (items: number[]) => {
    batches.push(items);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    if (items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((i) => i * 10);
  };
  return { batches, write, mostInFlight: () => mostInFlight };
}

describe('GroupCommit', () => {
  it('writes items submitted together as one batch and gives each its own result', async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write);
    const out = await Promise.all([1, 2, 3].map((i) => gc.submit(i)));
    expect(out).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it('collects what arrives while a batch is in flight into the next one', async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write);
    const first = gc.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((i) => gc.submit(i));
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps one batch in flight and at most `maxBatch` items in one', async () => {
    const r = recorder();
    const gc = new GroupCommit(r.write, 3);
    const all: Array<Promise<number>> = [];
    for (let i = 0; i < 20; i++) {
      all.push(gc.submit(i));
      if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(all)).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(r.mostInFlight()).toBe(1);
    expect(Math.max(...r.batches.map((b) => b.length))).toBe(3);
    expect(r.batches.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('fails only the bad item of a failed batch: the others are written again one by one', async () => {
    const r = recorder((i) => i === 2);
    const gc = new GroupCommit(r.write);
    const out = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(out.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(out[0]).toMatchObject({ value: 10 });
    expect(out[2]).toMatchObject({ value: 30 });
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('goes on writing after a failure', async () => {
    const r = recorder((i) => i === 1);
    const gc = new GroupCommit(r.write);
    await expect(gc.submit(1)).rejects.toThrow('bad item');
    await expect(gc.submit(5)).resolves.toBe(50);
  });

  it('answers an item whose writing failed from `stored` when it was written all the same', async () => {
    // Items 1 to 3 commit, but the batch's answer is lost; written again, each meets its own row.
    const rows = new Set<number>();
    const write = async (items: number[]) => {
      if (items.some((i) => rows.has(i))) throw new Error('duplicate key');
      for (const i of items) rows.add(i);
      if (items.length > 1 || items[0] === 4) throw new Error('connection lost');
      return items.map((i) => i * 10);
    };
    const gc = new GroupCommit(write, 256, 'write', async (i) => (rows.has(i) ? i * 10 : undefined));
    expect(await Promise.all([1, 2, 3].map((i) => gc.submit(i)))).toEqual([10, 20, 30]);
    // A batch of one whose answer is lost, and one whose writing failed with nothing stored.
    await expect(gc.submit(4)).resolves.toBe(40);
    const none = new GroupCommit(
      async (): Promise<number[]> => {
        throw new Error('refused');
      },
      256,
      'write',
      async () => undefined,
    );
    await expect(none.submit(5)).rejects.toThrow('refused');
  });

  it('answers a batch whose writing failed from `storedBatch`, writing nothing twice', async () => {
    // A counter: written again, a batch would add its items twice. The batch of 1 to 3 and the
    // batch of 4 commit under their tokens, and their answers are lost.
    let total = 0;
    const committed = new Map<string, number[]>();
    const writes: string[] = [];
    const write = async (items: number[], batch: string) => {
      writes.push(batch);
      const out = items.map((i) => (total += i));
      committed.set(batch, out);
      if (writes.length <= 2) throw new Error('connection lost');
      return out;
    };
    const gc = new GroupCommit(write, 256, 'write', undefined, async (batch) => committed.get(batch));
    expect(await Promise.all([1, 2, 3].map((i) => gc.submit(i)))).toEqual([1, 3, 6]);
    expect(await gc.submit(4)).toBe(10);
    expect(await gc.submit(5)).toBe(15);
    expect(new Set(writes).size).toBe(3);
    // Not found under its token, the batch was not written: it fails, or is written one by one.
    const none = new GroupCommit(
      async (): Promise<number[]> => {
        throw new Error('refused');
      },
      256,
      'write',
      undefined,
      async () => undefined,
    );
    await expect(none.submit(6)).rejects.toThrow('refused');
  });
});
