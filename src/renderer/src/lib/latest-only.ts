/**
 * Runs async requests and keeps only the newest waiting one: while the engine works on a
 * request, later ones replace each other, so a fast stroke or slider drag never queues stale
 * work and the answer shown is always for the latest input sent. An urgent request (the end of
 * a stroke) does not wait for the one in flight: it goes at once, and older answers are dropped.
 */
export class LatestOnly<Req, Res> {
  /** Requests sent and not yet answered, by tag. */
  private readonly inFlight = new Map<number, Req>();
  private pumping = false;
  private pending: { request: Req; tag: number } | undefined;
  private sequence = 0;
  private latestDelivered = -1;
  /** Answers to requests older than this are dropped (set by urgent submits and cancel). */
  private floor = 0;

  constructor(
    private readonly work: (request: Req) => Promise<Res>,
    private readonly deliver: (result: Res, request: Req, tag: number) => void,
    private readonly fail: (error: unknown, request: Req) => void = () => {},
  ) {}

  /** Queues a request (or, urgent, sends it now); returns its tag (increasing). */
  submit(request: Req, urgent = false): number {
    const tag = this.sequence++;
    if (urgent) {
      this.pending = undefined;
      this.floor = tag;
      void this.execute(request, tag);
    } else {
      this.pending = { request, tag };
      this.kick();
    }
    return tag;
  }

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** A request is out whose answer will still be delivered (not dropped by a newer one or cancel). */
  get awaiting(): boolean {
    for (const tag of this.inFlight.keys()) if (this.current(tag)) return true;
    return false;
  }

  /**
   * An urgent request the same as the newest one already in flight need not be sent again: the
   * answer on its way is the answer. When `same` says so, that request counts as urgent (older
   * answers and the waiting request are dropped) and is returned, so the caller can mark it.
   */
  adoptInFlight(same: (request: Req) => boolean): Req | undefined {
    const newest = Math.max(-1, ...this.inFlight.keys());
    const request = this.inFlight.get(newest);
    if (request === undefined || newest < this.floor || !same(request)) return undefined;
    this.pending = undefined;
    this.floor = newest;
    return request;
  }

  /** Forgets the waiting request and ignores the answers to those in flight. */
  cancel(): void {
    this.pending = undefined;
    this.floor = this.sequence;
  }

  private current(tag: number): boolean {
    return tag >= this.floor && tag > this.latestDelivered;
  }

  private kick(): void {
    if (!this.pumping && this.inFlight.size === 0) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    while (this.pending) {
      const { request, tag } = this.pending;
      this.pending = undefined;
      await this.execute(request, tag);
    }
    this.pumping = false;
  }

  private async execute(request: Req, tag: number): Promise<void> {
    this.inFlight.set(tag, request);
    let outcome: { ok: true; result: Res } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await this.work(request) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    // Counted out before delivering, so `busy` read inside deliver is already up to date.
    this.inFlight.delete(tag);
    try {
      if (!this.current(tag)) return;
      if (outcome.ok) {
        this.latestDelivered = tag;
        this.deliver(outcome.result, request, tag);
      } else this.fail(outcome.error, request);
    } finally {
      if (this.pending) this.kick();
    }
  }
}

/**
 * At most one call per animation frame, always with the newest value: the first call of a
 * burst runs at once (no frame of added latency), the rest collapse into one per frame.
 */
export function frameCoalesced<T>(
  fn: (value: T) => void,
  schedule: (cb: () => void) => unknown = requestAnimationFrame,
) {
  let gated = false;
  let latest: { value: T } | undefined;
  const flush = (): void => {
    const next = latest;
    latest = undefined;
    if (!next) {
      gated = false;
      return;
    }
    fn(next.value);
    schedule(flush);
  };
  return (value: T): void => {
    if (gated) {
      latest = { value };
      return;
    }
    gated = true;
    fn(value);
    schedule(flush);
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
