import assert from 'node:assert/strict';
import { OnceByKey } from '../../../protocol/onceByKey';

describe('protocol: OnceByKey (a writing is inserted once)', () => {
  it('runs a key once: a repeat while running or after success waits for the first run', async () => {
    const once = new OnceByKey();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await Promise.all([once.once('a', work), once.once('a', work)]);
    await once.once('a', work);
    assert.equal(runs, 1);
    await once.once('b', work);
    assert.equal(runs, 2);
  });

  it('lets a key whose run failed be tried again', async () => {
    const once = new OnceByKey();
    await assert.rejects(once.once('a', () => Promise.reject(new Error('read-only'))), /read-only/);
    let ran = false;
    await once.once('a', async () => {
      ran = true;
    });
    assert.equal(ran, true);
  });

  it('forgets the oldest keys beyond its capacity', async () => {
    const once = new OnceByKey(2);
    let runs = 0;
    const work = async () => {
      runs++;
    };
    for (const k of ['a', 'b', 'c', 'a']) await once.once(k, work);
    assert.equal(runs, 4, "'a' was forgotten after 'c' and ran again");
  });
});
