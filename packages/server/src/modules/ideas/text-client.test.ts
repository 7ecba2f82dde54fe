import { afterAll, describe, expect, it } from 'vitest';
import { textWorkerQueue } from '../../metrics/process.js';
import { TextWorkerClient } from './text/client.js';

const client = new TextWorkerClient();
afterAll(() => client.close());

const rows = [
  { id: 'a', title: '高铁站公交接驳', body: '建议开通黔江高铁站到城区的公交接驳专线，方便群众出行。' },
];
const training = { examples: [], descriptions: [{ label: 'transport', text: '交通 公交 高铁' }] };

describe('TextWorkerClient', () => {
  it('answers calls from a worker thread, in order', async () => {
    expect(client.liveGeneration).toBe(-1);
    await client.call('build', 'k', rows, training);
    expect(client.liveGeneration).toBe(1);
    const [analysis, held] = await Promise.all([
      client.call('analyse', 'k', '建议开通高铁站到城区的公交接驳专线', []),
      client.call('has', 'k'),
    ]);
    expect(analysis.similar[0]?.id).toBe('a');
    expect(held).toBe(true);
  });

  it('turns an error in the worker into a rejected call', async () => {
    await expect(client.call('analyse', 'unknown', '公交', [])).rejects.toThrow('not built');
  });

  it('fails the calls waiting on a worker that goes, and starts a new, empty one', async () => {
    const waiting = expect(client.call('build', 'k2', rows, training)).rejects.toThrow('closed');
    await client.close();
    await waiting;
    expect(client.liveGeneration).toBe(-1);
    expect(await client.call('has', 'k')).toBe(false);
    expect(client.liveGeneration).toBe(2);
  });

  it('counts the calls waiting on the worker for the metrics, down to none once answered or failed', async () => {
    const queued = async () => (await textWorkerQueue.get()).values[0]?.value;
    const calls = [client.call('has', 'k'), client.call('has', 'k2')];
    expect(await queued()).toBe(2);
    await Promise.all(calls);
    expect(await queued()).toBe(0);
    const failing = expect(client.call('build', 'k3', rows, training)).rejects.toThrow('closed');
    await client.close();
    await failing;
    expect(await queued()).toBe(0);
  });
});
