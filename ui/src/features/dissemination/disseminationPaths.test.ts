import { describe, expect, it } from 'vitest';
import { formFromPlan, newAdopter } from './disseminationForm';
import { elementId, indexPath, rowPath } from './disseminationPaths';
import { samplePlan } from './disseminationFixture';

function form() {
  let n = 0;
  // Rows: practice 0 is r1 with adopters r2, r3; practice 1 is r4.
  return formFromPlan(samplePlan(), () => `r${++n}`);
}

describe('dissemination paths', () => {
  it('ties index paths to the rows sent', () => {
    const f = form();
    expect(rowPath('summary', f)).toBe('summary');
    expect(rowPath('city', f)).toBe('city');
    expect(rowPath('practices', f)).toBe('practices');
    expect(rowPath('practices.1', f)).toBe('practices.r4');
    expect(rowPath('practices.1.practice', f)).toBe('practices.r4.practice');
    expect(rowPath('practices.0.adopters.1.city', f)).toBe('practices.r1.adopters.r3.city');
    expect(rowPath('practices.0.adopters.1', f)).toBe('practices.r1.adopters.r3');
    expect(rowPath('practices.0.adopters.5.city', f)).toBe('practices.r1.adopters');
    expect(rowPath('practices.0.channels.2.text', f)).toBe('practices.r1.channels');
    expect(rowPath('practices.7.title', f)).toBeNull();
    expect(rowPath('practices.x.title', f)).toBeNull();
    expect(rowPath('', f)).toBeNull();
  });

  it('finds rows again after others moved, and none once gone', () => {
    const f = form();
    const p = rowPath('practices.1.title', f)!;
    const a = rowPath('practices.0.adopters.1.name', f)!;
    f.practices.reverse();
    f.practices[1]!.adopters.unshift(newAdopter(() => 'rX'));
    expect(indexPath(p, f)).toBe('practices.0.title');
    expect(indexPath(a, f)).toBe('practices.1.adopters.2.name');
    expect(indexPath('summary', f)).toBe('summary');
    f.practices.splice(0, 1);
    expect(indexPath(p, f)).toBeNull();
    expect(indexPath('practices.r1.adopters.gone.city', f)).toBe('practices.0.adopters');
  });

  it('names the element of a path', () => {
    expect(elementId('practices.1.adopters.0.city')).toBe('dis-practices-1-adopters-0-city');
    expect(elementId('summary')).toBe('dis-summary');
  });
});
