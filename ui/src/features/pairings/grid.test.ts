import { describe, expect, it } from 'vitest';
import { cellCommand, clampCell, moveCell } from './grid';

const at = (row: number, col: number) => ({ row, col });

describe('moving in the matrix', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveCell(at(1, 1), { key: 'ArrowUp' }, 3, 4)).toEqual(at(0, 1));
    expect(moveCell(at(1, 1), { key: 'ArrowDown' }, 3, 4)).toEqual(at(2, 1));
    expect(moveCell(at(1, 1), { key: 'ArrowLeft' }, 3, 4)).toEqual(at(1, 0));
    expect(moveCell(at(1, 1), { key: 'ArrowRight' }, 3, 4)).toEqual(at(1, 2));
    expect(moveCell(at(0, 0), { key: 'ArrowUp' }, 3, 4)).toEqual(at(0, 0));
    expect(moveCell(at(0, 0), { key: 'ArrowLeft' }, 3, 4)).toEqual(at(0, 0));
    expect(moveCell(at(2, 3), { key: 'ArrowDown' }, 3, 4)).toEqual(at(2, 3));
    expect(moveCell(at(2, 3), { key: 'ArrowRight' }, 3, 4)).toEqual(at(2, 3));
  });

  it('jumps with Home, End, Ctrl+Home, Ctrl+End, Page Up and Page Down', () => {
    expect(moveCell(at(1, 2), { key: 'Home' }, 3, 4)).toEqual(at(1, 0));
    expect(moveCell(at(1, 2), { key: 'End' }, 3, 4)).toEqual(at(1, 3));
    expect(moveCell(at(1, 2), { key: 'Home', ctrlKey: true }, 3, 4)).toEqual(at(0, 0));
    expect(moveCell(at(1, 2), { key: 'End', ctrlKey: true }, 3, 4)).toEqual(at(2, 3));
    expect(moveCell(at(1, 2), { key: 'End', metaKey: true }, 3, 4)).toEqual(at(2, 3));
    expect(moveCell(at(1, 2), { key: 'PageUp' }, 3, 4)).toEqual(at(0, 2));
    expect(moveCell(at(1, 2), { key: 'PageDown' }, 3, 4)).toEqual(at(2, 2));
  });

  it('ignores other keys and empty grids', () => {
    expect(moveCell(at(0, 0), { key: 'a' }, 3, 4)).toBeNull();
    expect(moveCell(at(0, 0), { key: 'ArrowDown' }, 0, 4)).toBeNull();
  });

  it('starts from a cell kept inside a grid that shrank', () => {
    expect(moveCell(at(9, 9), { key: 'ArrowLeft' }, 3, 4)).toEqual(at(2, 2));
    expect(clampCell(at(9, -1), 3, 4)).toEqual(at(2, 0));
    expect(clampCell(at(2, 2), 0, 0)).toEqual(at(0, 0));
  });
});

describe('cell commands', () => {
  it('L locks, F forbids, Enter and Space show the breakdown', () => {
    expect(cellCommand({ key: 'l' })).toBe('lock');
    expect(cellCommand({ key: 'L' })).toBe('lock');
    expect(cellCommand({ key: 'f' })).toBe('forbid');
    expect(cellCommand({ key: 'F' })).toBe('forbid');
    expect(cellCommand({ key: 'Enter' })).toBe('show');
    expect(cellCommand({ key: ' ' })).toBe('show');
  });

  it('leaves shortcuts with modifiers alone', () => {
    expect(cellCommand({ key: 'l', ctrlKey: true })).toBeNull();
    expect(cellCommand({ key: 'f', metaKey: true })).toBeNull();
    expect(cellCommand({ key: 'f', altKey: true })).toBeNull();
    expect(cellCommand({ key: 'x' })).toBeNull();
  });
});
