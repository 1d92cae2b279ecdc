import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A child process whose fork the system refused: no pid, an 'error', and never an 'exit'. */
class RefusedChild extends EventEmitter {
  pid: number | undefined = undefined;
  exitCode: number | null = null;
  signalCode: string | null = null;
  connected = false;
  send = vi.fn();
  kill = vi.fn();
}

let children: RefusedChild[] = [];
vi.mock('node:child_process', () => ({
  fork: () => {
    const child = new RefusedChild();
    children.push(child);
    return child;
  },
}));

const { nodeEngineSpawner } = await import('../../../src/host/node-engine');
const { EngineSupervisor } = await import('../../../src/host/supervisor');

describe('the Node engine process', () => {
  beforeEach(() => {
    children = [];
  });

  it('reports a fork the system refused as an exit, once, instead of throwing', () => {
    const engine = nodeEngineSpawner('engine.js')();
    const exits: Array<[number | null, string | null]> = [];
    engine.onExit((code, signal) => exits.push([code, signal]));
    const refusal = Object.assign(new Error('spawn EMFILE'), { code: 'EMFILE' });
    // Without a listener, EventEmitter throws an 'error' it is given: the host would crash.
    expect(() => children[0].emit('error', refusal)).not.toThrow();
    children[0].emit('exit', null, null);
    expect(exits).toEqual([[1, null]]);
  });

  it('leaves a running engine alone when a message to it fails', () => {
    const engine = nodeEngineSpawner('engine.js')();
    const exits: unknown[] = [];
    engine.onExit((...args) => exits.push(args));
    children[0].pid = 4242;
    children[0].emit('error', new Error('channel closed'));
    expect(exits).toEqual([]);
    children[0].emit('exit', 0, null);
    expect(exits).toEqual([[0, null]]);
  });

  it('lets the supervisor give up on an engine that cannot be started, with its message', () => {
    const supervisor = new EngineSupervisor(
      nodeEngineSpawner('engine.js'),
      { dataHome: '/nonexistent', resourcesDir: '/nonexistent', backend: 'cpu' },
      { maxCrashes: 2 },
    );
    supervisor.start();
    for (let i = 0; i < 5 && children[i]; i++) children[i].emit('error', new Error('spawn EAGAIN'));
    expect(supervisor.status.state).toBe('failed');
    expect(children.length).toBe(3);
  });
});
