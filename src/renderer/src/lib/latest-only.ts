/**
 * Runs async requests one at a time and keeps only the newest waiting one: while the engine
 * works on a request, later ones replace each other, so a fast stroke or slider drag never
 * queues stale work and the answer shown is always for the latest input sent.
 */
export class LatestOnly<Req, Res> {
  private running = false;
  private pending: { request: Req; tag: number } | undefined;
  private sequence = 0;
  private latestDelivered = -1;

  constructor(
    private readonly work: (request: Req) => Promise<Res>,
    private readonly deliver: (result: Res, request: Req, tag: number) => void,
    private readonly fail: (error: unknown, request: Req) => void = () => {},
  ) {}

  /** Queues a request; returns its tag (increasing). */
  submit(request: Req): number {
    const tag = this.sequence++;
    this.pending = { request, tag };
    if (!this.running) void this.pump();
    return tag;
  }

  get busy(): boolean {
    return this.running;
  }

  /** Forgets the waiting request and ignores the answer to the running one. */
  cancel(): void {
    this.pending = undefined;
    this.latestDelivered = this.sequence;
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.pending) {
      const { request, tag } = this.pending;
      this.pending = undefined;
      try {
        const result = await this.work(request);
        if (tag > this.latestDelivered) {
          this.latestDelivered = tag;
          this.deliver(result, request, tag);
        }
      } catch (error) {
        if (tag > this.latestDelivered) this.fail(error, request);
      }
    }
    this.running = false;
  }
}

/** Calls `fn` at most once per animation frame, with the latest value given. */
export function frameCoalesced<T>(fn: (value: T) => void, schedule: (cb: () => void) => unknown = requestAnimationFrame) {
  let latest: { value: T } | undefined;
  let scheduled = false;
  return (value: T): void => {
    latest = { value };
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      const current = latest;
      latest = undefined;
      if (current) fn(current.value);
    });
  };
}

/**
 * Leading + trailing throttle: the first call runs now, later ones within `interval` ms collapse
 * into one call at the end of the interval (used for reconstruction while a stroke is drawn).
 * `cancel()` drops a trailing call (a stroke ended: its final request supersedes it).
 */
export function throttled<T>(fn: (value: T) => void, interval: number, now: () => number = () => performance.now()) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: T;
  const fire = () => {
    timer = undefined;
    last = now();
    fn(latest);
  };
  const call = (value: T): void => {
    latest = value;
    if (timer !== undefined) return;
    const wait = interval - (now() - last);
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  call.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
