import type { Socket } from 'node:net';

export interface ConnectionGuardLimits {
  /** Sockets that have not yet shown the token, held at once. */
  maxUnauthenticatedSockets: number;
  /** How long a socket may stay open without showing the token. */
  unauthenticatedMs: number;
}

/**
 * Anyone on the machine can connect to 127.0.0.1 without the token, and each connection holds
 * a file descriptor. Without a bound, idle connections fill the process's descriptor table and
 * the person's next page load fails to open its files. So sockets that have not yet shown the
 * token are few and short-lived: past the cap the oldest is dropped (not the newcomer, which
 * may be the person's page), and each is dropped when its time is up. A socket that showed the
 * token (a page request, the studio's WebSocket) is trusted and no longer counted.
 */
export class ConnectionGuard {
  private readonly waiting = new Map<Socket, NodeJS.Timeout>();
  /** Sockets dropped for the cap or the deadline (benches print it). */
  dropped = 0;

  constructor(private readonly limits: ConnectionGuardLimits) {}

  get unauthenticated(): number {
    return this.waiting.size;
  }

  admit(socket: Socket): void {
    while (this.waiting.size >= this.limits.maxUnauthenticatedSockets) {
      const oldest = this.waiting.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    const timer = setTimeout(() => this.drop(socket), this.limits.unauthenticatedMs);
    timer.unref();
    this.waiting.set(socket, timer);
    socket.once('close', () => this.forget(socket));
  }

  trust(socket: Socket): void {
    this.forget(socket);
  }

  private drop(socket: Socket): void {
    if (!this.waiting.has(socket)) return;
    this.forget(socket);
    this.dropped++;
    socket.destroy();
  }

  private forget(socket: Socket): void {
    clearTimeout(this.waiting.get(socket));
    this.waiting.delete(socket);
  }
}
