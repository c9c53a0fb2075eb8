import { PostingMatchBatcher } from './posting-match-batcher';
import type { PostingMatcher, PostingMatchOutcome } from './posting-matcher.service';

/** A matcher whose batches end when the test says so, recording what ran together. */
class ControlledMatcher {
  readonly batches: string[][] = [];
  running = 0;
  maxRunning = 0;
  private readonly ends: Array<() => void> = [];
  failNext = false;

  async matchMany(ids: string[]): Promise<PostingMatchOutcome[]> {
    this.batches.push(ids);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const fail = this.failNext;
    this.failNext = false;
    await new Promise<void>((resolve) => this.ends.push(resolve));
    this.running--;
    if (fail) throw new Error('database went away');
    return ids.map((postingId) => ({ postingId, recommendations: postingId.length, removed: 0 }));
  }

  /** Ends the oldest running batch and lets the batcher react. */
  async endOne(): Promise<void> {
    this.ends.shift()?.();
    await new Promise((r) => setTimeout(r, 10));
  }
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('PostingMatchBatcher', () => {
  it('runs at most two batches, and jobs arriving meanwhile form the next batch', async () => {
    const matcher = new ControlledMatcher();
    const batcher = new PostingMatchBatcher(matcher as unknown as PostingMatcher);
    const first = ['a', 'b'].map((id) => batcher.match(id));
    await settle();
    const second = ['c'].map((id) => batcher.match(id));
    await settle();
    const third = ['d', 'e', 'f'].map((id) => batcher.match(id));
    await settle();
    expect(matcher.batches).toEqual([['a', 'b'], ['c']]);
    await matcher.endOne();
    expect(matcher.batches).toEqual([['a', 'b'], ['c'], ['d', 'e', 'f']]);
    await matcher.endOne();
    await matcher.endOne();
    expect(matcher.maxRunning).toBe(2);
    const outcomes = await Promise.all([...first, ...second, ...third]);
    expect(outcomes.map((o) => o.postingId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('is busy from the first waiting job until the last batch ends', async () => {
    const matcher = new ControlledMatcher();
    const batcher = new PostingMatchBatcher(matcher as unknown as PostingMatcher);
    expect(batcher.busy()).toBe(false);
    const job = batcher.match('a');
    expect(batcher.busy()).toBe(true); // waiting for the batch to close
    await settle();
    expect(batcher.busy()).toBe(true); // running
    await matcher.endOne();
    await job;
    expect(batcher.busy()).toBe(false);
  });

  it('keeps a later job for a posting out of the batch that is still matching it', async () => {
    const matcher = new ControlledMatcher();
    const batcher = new PostingMatchBatcher(matcher as unknown as PostingMatcher);
    const jobs = [batcher.match('x')];
    await settle();
    jobs.push(batcher.match('x'), batcher.match('y'));
    await settle();
    // x is being matched: the second batch takes y only; the second x waits for the first to end
    expect(matcher.batches).toEqual([['x'], ['y']]);
    await matcher.endOne();
    expect(matcher.batches).toEqual([['x'], ['y'], ['x']]);
    await matcher.endOne();
    await matcher.endOne();
    expect((await Promise.all(jobs)).map((o) => o.postingId)).toEqual(['x', 'x', 'y']);
  });

  it('fails every job of a failed batch and goes on with the next', async () => {
    const matcher = new ControlledMatcher();
    const batcher = new PostingMatchBatcher(matcher as unknown as PostingMatcher);
    matcher.failNext = true;
    const failed = [batcher.match('p'), batcher.match('q')];
    const caught = failed.map((p) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      ),
    );
    await settle();
    await matcher.endOne();
    expect(await Promise.all(caught)).toEqual(['database went away', 'database went away']);
    const next = batcher.match('r');
    await settle();
    await matcher.endOne();
    expect((await next).postingId).toBe('r');
  });
});
