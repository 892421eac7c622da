// Moving through the compatibility matrix with the keyboard (one focusable cell at a time).

export interface Cell {
  row: number;
  col: number;
}

export interface KeyMove {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Keeps a cell inside a `rows` × `cols` grid (row 0, col 0 when the grid is empty). */
export function clampCell(cell: Cell, rows: number, cols: number): Cell {
  const clamp = (v: number, n: number) => (n <= 0 ? 0 : Math.min(Math.max(v, 0), n - 1));
  return { row: clamp(cell.row, rows), col: clamp(cell.col, cols) };
}

/**
 * Where a key moves the focus, following the ARIA grid pattern: arrows by one cell (stopping at
 * the edges), Home / End to the row's first / last cell, Ctrl+Home / Ctrl+End to the grid's first
 * / last cell, Page Up / Page Down to the column's first / last cell. Null for any other key, so
 * the caller lets it through.
 */
export function moveCell(cell: Cell, e: KeyMove, rows: number, cols: number): Cell | null {
  if (rows <= 0 || cols <= 0) return null;
  const ctrl = e.ctrlKey === true || e.metaKey === true;
  const { row, col } = clampCell(cell, rows, cols);
  switch (e.key) {
    case 'ArrowUp':
      return { row: Math.max(row - 1, 0), col };
    case 'ArrowDown':
      return { row: Math.min(row + 1, rows - 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(col - 1, 0) };
    case 'ArrowRight':
      return { row, col: Math.min(col + 1, cols - 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    case 'PageUp':
      return { row: 0, col };
    case 'PageDown':
      return { row: rows - 1, col };
    default:
      return null;
  }
}

/** What a letter key does to the focused cell: L locks, F forbids (either case, no modifier). */
export function cellCommand(e: KeyMove & { altKey?: boolean }): 'lock' | 'forbid' | 'show' | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'l' || e.key === 'L') return 'lock';
  if (e.key === 'f' || e.key === 'F') return 'forbid';
  if (e.key === 'Enter' || e.key === ' ') return 'show';
  return null;
}
