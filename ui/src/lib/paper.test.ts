import { describe, expect, it } from 'vitest';
import { defaultPaper, PAPERS } from './paper';

describe('paper', () => {
  const cities = [
    { id: 'mtl', country: 'CA' },
    { id: 'tor', country: 'CA' },
    { id: 'rom', country: 'IT' },
  ];
  it('is Letter only when every city is Canadian', () => {
    expect(defaultPaper(['mtl', 'tor'], cities)).toBe('letter');
    expect(defaultPaper(['mtl', 'rom'], cities)).toBe('a4');
    expect(defaultPaper([], cities)).toBe('a4');
    expect(defaultPaper(['unknown'], cities)).toBe('a4');
  });

  it('offers both papers', () => {
    expect(PAPERS.map((p) => p.value)).toEqual(['a4', 'letter']);
  });
});
