import { connect, type Socket } from 'node:net';

export interface IdleConnections {
  /** Every socket opened, still open unless the server closed it: the caller destroys them. */
  sockets: Socket[];
  /** How many of them the server closed while they were being opened. */
  closedByServer: number;
}

/** How long one connection may wait for the server to accept it before its wave moves on. */
const CONNECT_WAIT_MS = 10_000;

/**
 * Opens `total` TCP connections to 127.0.0.1:`port` that send nothing (each holds a descriptor
 * in the server until it is dropped), `wave` at a time; after each wave waits `pauseMs`, so the
 * server's accept loop can take in what the kernel queued.
 */
export async function openIdleConnections(
  port: number,
  total: number,
  { wave, pauseMs = 0 }: { wave: number; pauseMs?: number },
): Promise<IdleConnections> {
  const opened: IdleConnections = { sockets: [], closedByServer: 0 };
  for (let done = 0; done < total; done += wave) {
    const count = Math.min(wave, total - done);
    await Promise.all(Array.from({ length: count }, () => openIdle(port, opened)));
    if (pauseMs) await new Promise((ok) => setTimeout(ok, pauseMs));
  }
  return opened;
}

function openIdle(port: number, opened: IdleConnections): Promise<void> {
  return new Promise((settle) => {
    const socket = connect(port, '127.0.0.1');
    opened.sockets.push(socket);
    socket.setTimeout(CONNECT_WAIT_MS, () => settle());
    socket.on('error', () => settle());
    socket.on('close', () => {
      opened.closedByServer++;
      settle();
    });
    socket.on('connect', () => settle());
  });
}
