import { describe, expect, it } from 'vitest';
import { fieldLabel, fold, joinList, matchesAll, queryWords, splitList } from './text';

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Málaga')).toBe('malaga');
    expect(fold('LUCÍA')).toBe('lucia');
    expect(fold('Göteborg')).toBe('goteborg');
  });

  it('folds full-width Latin typed on an East Asian keyboard', () => {
    expect(fold('ＤＵＴ')).toBe('dut');
    expect(fold('Ｍａｌｍö')).toBe('malmo');
  });

  it('leaves Hangul and Han as they are written', () => {
    expect(fold('臺中')).toBe('臺中');
    expect(fold('광주').normalize('NFC')).toBe('광주');
  });
});

describe('queryWords', () => {
  it('splits a filter into folded words; blanks have none', () => {
    expect(queryWords('  Lucía   PÉREZ ')).toEqual(['lucia', 'perez']);
    expect(queryWords('   ')).toEqual([]);
    expect(queryWords('')).toEqual([]);
  });
});

describe('matchesAll', () => {
  it('finds Hangul and Han text as typed', () => {
    expect(matchesAll(['광주광역시'], queryWords('광주'))).toBe(true);
    expect(matchesAll(['臺中市'], queryWords('臺中'))).toBe(true);
  });

  it('needs every word, each in any of the texts', () => {
    expect(matchesAll(['Lucía Pérez', 'Málaga'], ['lucia', 'malaga'])).toBe(true);
    expect(matchesAll(['Lucía Pérez', 'Málaga'], ['lucia', 'durban'])).toBe(false);
    expect(matchesAll(['Durban University of Technology'], queryWords('ｄｕｒｂａｎ'))).toBe(true);
  });

  it('matches everything without words', () => {
    expect(matchesAll([], [])).toBe(true);
    expect(matchesAll(['Porto'], [])).toBe(true);
  });
});

describe('lists typed on one line', () => {
  it('splits on commas, trims, drops empty items', () => {
    expect(splitList('isiZulu, English')).toEqual(['isiZulu', 'English']);
    expect(splitList('  Italian ,, English ,')).toEqual(['Italian', 'English']);
    expect(splitList('')).toEqual([]);
    expect(splitList('   ')).toEqual([]);
  });

  it('splits on full-width and ideographic commas', () => {
    expect(splitList('國語，臺灣台語、English')).toEqual(['國語', '臺灣台語', 'English']);
  });

  it('leaves duplicates and other separators to the backend', () => {
    expect(splitList('English, english')).toEqual(['English', 'english']);
    expect(splitList('isiZulu; English')).toEqual(['isiZulu; English']);
  });

  it('round-trips a list', () => {
    const list = ['isiZulu', 'English', 'Afrikaans'];
    expect(joinList(list)).toBe('isiZulu, English, Afrikaans');
    expect(splitList(joinList(list))).toEqual(list);
    expect(joinList([])).toBe('');
  });
});

describe('fieldLabel', () => {
  it('reads a stored field name as words', () => {
    expect(fieldLabel('local_name')).toBe('Local name');
    expect(fieldLabel('name')).toBe('Name');
    expect(fieldLabel('time_zone')).toBe('Time zone');
  });

  it('keeps an empty name as it came', () => {
    expect(fieldLabel('')).toBe('');
  });
});
