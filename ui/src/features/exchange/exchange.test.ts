import { describe, expect, it } from 'vitest';
import type { ExchangeSummary, SyncReport } from '../../lib/api';
import { folderName, mergedJson, receivedSentence, rememberedName, rememberName, summarySentence } from './exchange';

const summary = (over: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  from_person: 'Ana Silva',
  from_device: 'ANA-LAPTOP',
  new_operations: 9,
  known_operations: 0,
  new_records: 3,
  changed_records: 2,
  conflicted_records: 1,
  collections: ['city'],
  ...over,
});

describe('summarySentence', () => {
  it('says who sent the file and what it did', () => {
    expect(summarySentence(summary())).toBe('From Ana Silva: 3 new records, 2 changed, 1 in conflict.');
  });

  it('leaves out what did not happen', () => {
    expect(summarySentence(summary({ new_records: 1, changed_records: 0, conflicted_records: 0 }))).toBe(
      'From Ana Silva: 1 new record.',
    );
  });

  it('says so when the desktop already had everything', () => {
    expect(summarySentence(summary({ new_operations: 0, known_operations: 9 }))).toBe(
      'From Ana Silva: this desktop already had all of these changes.',
    );
  });

  it('names the device when the sender gave no name', () => {
    expect(summarySentence(summary({ from_person: '' }))).toContain('From ANA-LAPTOP:');
  });
});

describe('mergedJson', () => {
  it('sends the merged text as a JSON string', () => {
    expect(mergedJson('Prato "A"\nline')).toBe('"Prato \\"A\\"\\nline"');
    expect(JSON.parse(mergedJson('Città'))).toBe('Città');
  });
});

describe('remembered name', () => {
  it('keeps the name signed with, and survives a storage that refuses', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(rememberedName(storage)).toBe('');
    rememberName('Ana Silva', storage);
    expect(rememberedName(storage)).toBe('Ana Silva');
    const refusing = {
      getItem: () => {
        throw new Error('no');
      },
      setItem: () => {
        throw new Error('no');
      },
    };
    expect(rememberedName(refusing)).toBe('');
    expect(() => rememberName('x', refusing)).not.toThrow();
  });
});

describe('receivedSentence', () => {
  const report = (over: Partial<SyncReport> = {}): SyncReport => ({
    written: null,
    merged_files: 2,
    new_records: 3,
    changed_records: 0,
    conflicted_records: 1,
    collections: ['city'],
    waiting: [],
    ...over,
  });

  it('says how many files came in and what they did', () => {
    expect(receivedSentence(report())).toBe('2 files merged: 3 new records, 1 in conflict.');
  });

  it('says so when the files brought nothing new', () => {
    expect(receivedSentence(report({ merged_files: 1, new_records: 0, conflicted_records: 0 }))).toBe(
      '1 file merged: nothing new.',
    );
  });
});

describe('folderName', () => {
  it('keeps the last part of a path, on any system', () => {
    expect(folderName('/home/ana/Sync/ICP shared/')).toBe('ICP shared');
    expect(folderName('C:\\Users\\ana\\OneDrive\\ICP')).toBe('ICP');
  });
});
