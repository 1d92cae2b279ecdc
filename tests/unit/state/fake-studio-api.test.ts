import { expect, test } from 'vitest';
import type { EngineStatus } from '../../../src/shared/types/app';
import { FAKE_STUDIO_ERRORS, fakeStudioApi } from '../../helpers/studio-api';

test('the fake answers the contract’s channels with the answers given, and fires its events', async () => {
  const fake = fakeStudioApi({ 'models:list': async () => ({ models: [], backend: 'cpu' }) });
  await expect(fake.api.models.list({})).resolves.toEqual({ models: [], backend: 'cpu' });
  expect(fake.call('models:list')).toHaveBeenCalledWith({});
  await expect(fake.api.training.status({})).resolves.toBeUndefined();

  const seen: EngineStatus[] = [];
  const off = fake.api.onEngineStatus((status) => seen.push(status));
  fake.emit('engine:status', { state: 'ready', restarts: 0 });
  off();
  fake.emit('engine:status', { state: 'starting', restarts: 1 });
  expect(seen).toEqual([{ state: 'ready', restarts: 0 }]);
});

test('a channel name or an answer the contract does not have is a type error (checked by tsc)', () => {
  const fake = fakeStudioApi();
  // @ts-expect-error the API's dotted name is not a channel name
  expect(() => fake.call('models.list')).toThrow(FAKE_STUDIO_ERRORS.unknownChannel('models.list'));
  // @ts-expect-error models:list answers a ModelList, not a bare array
  fake.call('models:list').mockResolvedValue([]);
  // @ts-expect-error engine:status carries an EngineStatus
  fake.emit('engine:status', { state: 'gone' });
  // @ts-expect-error an answer given up front is typed the same way
  fakeStudioApi({ 'app:info': async () => ({ name: 'x' }) });
});
