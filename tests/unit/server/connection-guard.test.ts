import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ConnectionGuard } from '../../../src/server/connection-guard';

/** A socket as the guard sees it: it can be destroyed, and says when it closed. */
function fakeSocket(): Socket & { destroyed: boolean } {
  const socket = new EventEmitter() as EventEmitter & { destroyed: boolean; destroy(): void };
  socket.destroyed = false;
  socket.destroy = () => {
    socket.destroyed = true;
    socket.emit('close');
  };
  return socket as unknown as Socket & { destroyed: boolean };
}

describe('connections without the token', () => {
  afterEach(() => vi.useRealTimers());

  test('past the cap the oldest is dropped, not the newcomer; trusted ones are never counted', () => {
    const guard = new ConnectionGuard({ maxUnauthenticatedSockets: 3, unauthenticatedMs: 10_000 });
    const person = fakeSocket();
    guard.admit(person);
    guard.trust(person);
    const strangers = Array.from({ length: 5 }, fakeSocket);
    for (const socket of strangers) guard.admit(socket);
    expect(strangers.map((s) => s.destroyed)).toEqual([true, true, false, false, false]);
    expect(person.destroyed).toBe(false);
    expect(guard.unauthenticated).toBe(3);
    expect(guard.dropped).toBe(2);
  });

  test('one that stays silent past the deadline is dropped; one that showed the token in time stays', () => {
    vi.useFakeTimers();
    const guard = new ConnectionGuard({ maxUnauthenticatedSockets: 10, unauthenticatedMs: 1000 });
    const silent = fakeSocket();
    const page = fakeSocket();
    guard.admit(silent);
    guard.admit(page);
    vi.advanceTimersByTime(500);
    guard.trust(page);
    vi.advanceTimersByTime(600);
    expect(silent.destroyed).toBe(true);
    expect(page.destroyed).toBe(false);
    expect(guard.unauthenticated).toBe(0);
  });
});
