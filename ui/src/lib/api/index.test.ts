import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...a: unknown[]) => invoke(...a) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...a: unknown[]) => listen(...a) }));

import * as api from './index';

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
});

describe('toIpcError', () => {
  it('keeps an IpcError from the shell as it is', () => {
    const e = {
      code: 'invalid',
      message: 'The city has problems',
      field: null,
      issues: [{ code: 'required', message: 'A city needs a name', field: 'name' }],
    };
    expect(api.toIpcError(e)).toEqual(e);
  });

  it('turns a string into an unexpected error', () => {
    expect(api.toIpcError('command save_city not found')).toEqual({
      code: 'unexpected',
      message: 'command save_city not found',
      field: null,
      issues: [],
    });
  });

  it('turns unknown values into an unexpected error', () => {
    expect(api.toIpcError(undefined)).toEqual({ code: 'unexpected', message: 'undefined', field: null, issues: [] });
    expect(api.toIpcError(42).message).toBe('42');
    expect(api.toIpcError({ foo: 1 }).code).toBe('unexpected');
    expect(api.toIpcError(new Error('boom')).message).toBe('Error: boom');
  });

  it('fills in a missing field and issues, and drops malformed issues', () => {
    const got = api.toIpcError({ code: 'corrupt', message: 'The store is damaged', issues: [1, { message: 'x', field: 7 }] });
    expect(got).toEqual({
      code: 'corrupt',
      message: 'The store is damaged',
      field: null,
      issues: [{ code: 'invalid', message: 'x', field: null }],
    });
  });
});

describe('isIpcError', () => {
  it('recognises the shape', () => {
    expect(api.isIpcError({ code: 'a', message: 'b', field: null, issues: [] })).toBe(true);
    expect(api.isIpcError({ code: 'a', message: 'b' })).toBe(false);
    expect(api.isIpcError('a')).toBe(false);
  });
});

describe('commands', () => {
  it('call the shell with the contract names and argument keys', async () => {
    invoke.mockResolvedValue('ok');
    await api.appStatus();
    await api.programme();
    await api.listCities({ search: 'mil', region: 'eu' });
    await api.getCity('01H');
    await api.saveCity({ id: null, name: 'Milan', local_name: 'Milano', country: 'IT', time_zone: 'Europe/Rome', population: '', languages: ['Italian'] });
    await api.deleteCity('01H');
    await api.loadSampleData();
    expect(invoke.mock.calls).toEqual([
      ['app_status', {}],
      ['programme', {}],
      ['list_cities', { query: { search: 'mil', region: 'eu' } }],
      ['get_city', { id: '01H' }],
      ['save_city', { input: { id: null, name: 'Milan', local_name: 'Milano', country: 'IT', time_zone: 'Europe/Rome', population: '', languages: ['Italian'] } }],
      ['delete_city', { id: '01H' }],
      ['load_sample_data', {}],
    ]);
  });

  it('return what the shell returned', async () => {
    invoke.mockResolvedValue({ cities: 14 });
    await expect(api.loadSampleData()).resolves.toEqual({ cities: 14 });
  });

  it('reject with an IpcError whatever the shell rejected with', async () => {
    invoke.mockRejectedValueOnce('window closed');
    await expect(api.appStatus()).rejects.toEqual({ code: 'unexpected', message: 'window closed', field: null, issues: [] });

    const shellError = { code: 'already_open', message: 'ICP Desk is already open', field: null, issues: [] };
    invoke.mockRejectedValueOnce(shellError);
    await expect(api.appStatus()).rejects.toEqual(shellError);
  });
});

describe('onChanged', () => {
  it('hands the payload of the changed event to the handler', async () => {
    const unlisten = vi.fn();
    listen.mockResolvedValue(unlisten);
    const seen: unknown[] = [];
    const stop = api.onChanged((c) => seen.push(c));
    await Promise.resolve();
    expect(listen).toHaveBeenCalledWith('changed', expect.any(Function));
    const cb = listen.mock.calls[0]?.[1] as (e: { payload: unknown }) => void;
    cb({ payload: { collection: 'cities', id: '01H' } });
    expect(seen).toEqual([{ collection: 'cities', id: '01H' }]);
    stop();
    expect(unlisten).toHaveBeenCalled();
  });

  it('stops listening quietly even when the shell fails to unregister', async () => {
    const unlisten = vi.fn(() => Promise.reject(new Error('window gone')));
    listen.mockResolvedValue(unlisten);
    const stop = api.onChanged(() => {});
    await Promise.resolve();
    expect(() => stop()).not.toThrow();
    expect(unlisten).toHaveBeenCalledTimes(1);
    // an unhandled rejection would fail the run
    await new Promise((r) => setTimeout(r, 0));
  });

  it('gives a no-op when there is no shell to listen to', async () => {
    listen.mockRejectedValue(new TypeError('no IPC'));
    const stop = api.onChanged(() => {});
    await Promise.resolve();
    expect(() => stop()).not.toThrow();
  });

  it('releases a subscription that arrives after the view stopped listening', async () => {
    const unlisten = vi.fn();
    let arrive: (fn: () => void) => void = () => {};
    listen.mockReturnValue(new Promise((r) => (arrive = r)));
    const stop = api.onChanged(() => {});
    stop();
    expect(unlisten).not.toHaveBeenCalled();
    arrive(unlisten);
    await new Promise((r) => setTimeout(r, 0));
    expect(unlisten).toHaveBeenCalledTimes(1);
  });
});
