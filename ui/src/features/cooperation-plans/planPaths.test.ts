import { describe, expect, it } from 'vitest';
import { formFromPlan, newAction, newIndicator } from './planForm';
import { candidateIds, describePath, elementId, indexPath, rowPath } from './planPaths';
import { samplePlan } from './planFixture';

function form() {
  let n = 0;
  const f = formFromPlan(samplePlan(), () => `r${++n}`);
  f.actions.push(newAction(() => 'rA'));
  f.actions[1]!.indicators.push(newIndicator(() => 'rI'));
  return f;
}

describe('plan paths', () => {
  it('ties index paths to the rows sent', () => {
    const f = form();
    const a0 = f.actions[0]!.row;
    expect(rowPath('title', f)).toBe('title');
    expect(rowPath('actions.0.end', f)).toBe(`actions.${a0}.end`);
    expect(rowPath('actions.1.indicators.0.target', f)).toBe('actions.rA.indicators.rI.target');
    expect(rowPath('actions.1.indicators', f)).toBe('actions.rA.indicators');
    expect(rowPath('actions.0.objectives.1', f)).toBe(`actions.${a0}.objectives`);
    expect(rowPath('actions.0.partners.0', f)).toBe(`actions.${a0}.partners`);
    expect(rowPath('objectives.1.key', f)).toBe(`objectives.${f.objectives[1]!.row}.key`);
    expect(rowPath('objectives.1', f)).toBe(`objectives.${f.objectives[1]!.row}`);
    expect(rowPath('risks.0.mitigation', f)).toBe(`risks.${f.risks[0]!.row}.mitigation`);
    expect(rowPath('stakeholders.1.organisation', f)).toBe('stakeholders');
    expect(rowPath('practices.0.practice', f)).toBe('practices');
    expect(rowPath('actions.7.end', f)).toBeNull();
  });

  it('finds rows where they are now', () => {
    const f = form();
    const rp = rowPath('actions.1.indicators.0.target', f)!;
    f.actions.splice(0, 1);
    expect(indexPath(rp, f)).toBe('actions.0.indicators.0.target');
    expect(indexPath('context', f)).toBe('context');
    expect(indexPath('actions.gone.end', f)).toBeNull();
  });

  it('names the element of a path', () => {
    expect(elementId('actions.2.end')).toBe('plan-actions-2-end');
    expect(elementId('title')).toBe('plan-title');
  });

  it('looks for a path, then its row, then what holds it', () => {
    expect(candidateIds('objectives.1')).toEqual([
      'plan-objectives-1',
      'plan-objectives-1-text',
      'plan-objectives-1-title',
      'plan-objectives-1-risk',
      'plan-objectives-1-name',
      'plan-objectives',
    ]);
    expect(candidateIds('actions.2.indicators').slice(-3)).toEqual(['plan-actions-2-indicators-name', 'plan-actions-2', 'plan-actions']);
  });

  it('says where in words', () => {
    expect(describePath('challenge')).toBe('Shared challenge');
    expect(describePath('actions.2.indicators.0.target')).toBe('Action 3 › Indicator 1 › Target');
    expect(describePath('objectives.1')).toBe('Objective 2');
    expect(describePath('actions.0.objectives.1')).toBe('Action 1 › Objective served 2');
    expect(describePath('risks.0.mitigation')).toBe('Risk 1 › Mitigation');
    expect(describePath('some_field')).toBe('Some field');
  });
});
