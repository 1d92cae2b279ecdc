import type { WebSocket } from 'ws';

export interface ClientFlowLimits {
  /** Requests of one client being answered at once. */
  maxRequestsInFlight: number;
  /** Unsent bytes queued for one client past which none of its requests are taken. */
  pauseReadingAtBufferedBytes: number;
}

export interface ClientFlowState {
  inFlight: number;
  /** Messages read but not yet taken (at most what one socket read held when reading paused). */
  held: number;
  /** Why the server is not reading this client's socket now, if it is not. */
  pausedBy: 'requests' | 'buffer' | undefined;
  bufferedAmount: number;
}

/**
 * Flow control for one WebSocket client, which may send faster than the engine answers or stop
 * reading its replies; neither may make the server or the engine hold an unbounded amount.
 * At most `maxRequestsInFlight` of its requests are answered at once, and none is taken while
 * its unsent replies pass `pauseReadingAtBufferedBytes`. Meanwhile the server stops reading its
 * socket, so TCP pushes back on the client, and resumes once both fall back. Messages read
 * before the pause took hold (the rest of one socket read) wait their turn in order: nothing is
 * refused, so a page that is merely busy never sees an error from this.
 */
export class ClientFlow {
  private inFlight = 0;
  private readonly held: Uint8Array[] = [];
  private pausedBy: ClientFlowState['pausedBy'];

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: ClientFlowLimits,
    /** Answers one message; resolves once its reply was handed to the socket. */
    private readonly handle: (frame: Uint8Array) => Promise<void>,
  ) {}

  receive(frame: Uint8Array): void {
    this.held.push(frame);
    this.pump();
  }

  /** Takes what may be taken now and pauses or resumes reading; called again after each send completes. */
  pump = (): void => {
    while (this.held.length > 0 && this.inFlight < this.limits.maxRequestsInFlight && !this.bufferIsFull()) {
      this.start(this.held.shift()!);
    }
    const reason =
      this.inFlight >= this.limits.maxRequestsInFlight ? 'requests' : this.bufferIsFull() ? 'buffer' : undefined;
    if (reason && !this.pausedBy) this.ws.pause();
    if (!reason && this.pausedBy) this.ws.resume();
    this.pausedBy = reason;
  };

  state(): ClientFlowState {
    return {
      inFlight: this.inFlight,
      held: this.held.length,
      pausedBy: this.pausedBy,
      bufferedAmount: this.ws.bufferedAmount,
    };
  }

  private bufferIsFull(): boolean {
    return this.ws.bufferedAmount >= this.limits.pauseReadingAtBufferedBytes;
  }

  private start(frame: Uint8Array): void {
    this.inFlight++;
    const done = () => {
      this.inFlight--;
      this.pump();
    };
    this.handle(frame).then(done, done);
  }
}
