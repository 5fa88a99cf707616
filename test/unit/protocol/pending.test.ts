import assert from 'node:assert/strict';
import { PendingRequests, RequestTimeoutError } from '../../../protocol/pending';

describe('protocol: pending requests', () => {
  it('matches replies by id and drops each entry once answered', async () => {
    const pending = new PendingRequests<string>();
    const a = pending.create('a', 1000);
    const b = pending.create('b', 1000);
    assert.notEqual(a.id, b.id);
    assert.equal(pending.size, 2);
    assert.equal(pending.resolve(b.id, 'B'), true);
    assert.equal(pending.resolve(a.id, 'A'), true);
    assert.equal(await a.reply, 'A');
    assert.equal(await b.reply, 'B');
    assert.equal(pending.size, 0);
  });

  it('ignores late, duplicate and forged replies', async () => {
    const pending = new PendingRequests<number>();
    const a = pending.create('a', 1000);
    assert.equal(pending.resolve(a.id + 100, 1), false);
    assert.equal(pending.resolve(a.id, 2), true);
    assert.equal(pending.resolve(a.id, 3), false);
    assert.equal(await a.reply, 2);
  });

  it('times out with a clear error and forgets the request', async () => {
    const pending = new PendingRequests<number>();
    const a = pending.create('Recognising x.png', 10);
    await assert.rejects(a.reply, (err: unknown) => err instanceof RequestTimeoutError && /Recognising x.png got no answer/.test(err.message));
    assert.equal(pending.size, 0);
    assert.equal(pending.resolve(a.id, 1), false);
  });

  it('dispose fails every waiting request', async () => {
    const pending = new PendingRequests<number>();
    const replies = [pending.create('a', 1000).reply, pending.create('b', 1000).reply];
    pending.dispose('The pad was closed.');
    for (const r of replies) await assert.rejects(r, /The pad was closed/);
    assert.equal(pending.size, 0);
  });
});
