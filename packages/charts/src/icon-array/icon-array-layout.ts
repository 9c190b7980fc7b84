import { polygonPath } from '../shared/paths.ts';
import { finiteOr, px } from '../shared/stats.ts';

export interface IconArrayLayoutInput {
  /** How many icons are filled ("n" of "n of N"). Rounded and clamped to 0…total. */
  count: number;
  /** How many icons there are ("N"). Rounded, at least 0. */
  total: number;
  /** Icons per row. @default 10 */
  perRow?: number | undefined;
  /** Total width in px. */
  width: number;
  /** Largest icon cell in px. @default 32 */
  maxIconSize?: number | undefined;
}

export interface IconCell {
  index: number;
  row: number;
  col: number;
  /** Top-left corner and side of the icon's cell in px. */
  x: number;
  y: number;
  size: number;
  filled: boolean;
}

/** The filled icons or the empty ones: each group is one focusable mark. */
export interface IconGroup {
  key: 'filled' | 'empty';
  index: number;
  count: number;
  icons: IconCell[];
  /** Outline around the group's cells (a rectangle or a staircase), for hover and focus. */
  outline: string;
  anchor: { x: number; y: number };
  bottom: number;
}

export interface IconArrayLayout {
  width: number;
  height: number;
  count: number;
  total: number;
  perRow: number;
  rows: number;
  cellSize: number;
  icons: IconCell[];
  /** Non-empty groups only, filled first. */
  groups: IconGroup[];
}

const BLOCK = 5;
const BLOCK_GAP = 6;
const PAD = 4;

/**
 * Lays out an icon array for "n of N": rows of `perRow` icons, the filled ones grouped at the
 * start in reading order (scattered icons are read as larger probabilities than grouped ones —
 * Price et al. 2022, Garcia-Retamero et al. 2012; docs/research.md §2). Rows and columns are split in
 * blocks of five so that counting is easy.
 *
 * @example
 * iconArrayLayout({ count: 8, total: 10, width: 320 }).icons.filter((icon) => icon.filled).length; // 8
 */
export function iconArrayLayout(input: IconArrayLayoutInput): IconArrayLayout {
  const width = Math.max(60, finiteOr(input.width, 640));
  const total = Math.max(0, Math.round(finiteOr(input.total, 0)));
  const count = Math.min(total, Math.max(0, Math.round(finiteOr(input.count, 0))));
  const perRow = Math.max(1, Math.round(finiteOr(input.perRow, 10)));
  const maxIconSize = Math.max(8, finiteOr(input.maxIconSize, 32));
  const columns = Math.min(perRow, Math.max(1, total));
  const rows = total === 0 ? 0 : Math.ceil(total / perRow);
  const blockGapsX = columns > BLOCK ? Math.ceil(columns / BLOCK) - 1 : 0;
  const cellSize = Math.max(4, Math.min(maxIconSize, (width - 2 * PAD - blockGapsX * BLOCK_GAP) / columns));

  const colX = (col: number) =>
    px(PAD + col * cellSize + (columns > BLOCK ? Math.floor(col / BLOCK) * BLOCK_GAP : 0));
  const rowY = (row: number) =>
    px(PAD + row * cellSize + (rows > BLOCK ? Math.floor(row / BLOCK) * BLOCK_GAP : 0));

  const icons: IconCell[] = [];
  for (let index = 0; index < total; index++) {
    const row = Math.floor(index / perRow);
    const col = index % perRow;
    icons.push({ index, row, col, x: colX(col), y: rowY(row), size: px(cellSize), filled: index < count });
  }

  // Outline of the cells [from, to) in reading order: the shape of a text selection.
  const outline = (from: number, to: number): string => {
    const left = (col: number) => colX(col) - 1;
    const right = (col: number) => colX(col) + cellSize + 1;
    const top = (row: number) => rowY(row) - 1;
    const bottom = (row: number) => rowY(row) + cellSize + 1;
    const firstRow = Math.floor(from / perRow);
    const firstCol = from % perRow;
    const lastRow = Math.floor((to - 1) / perRow);
    const lastCol = (to - 1) % perRow;
    const points: [number, number][] =
      firstRow === lastRow
        ? [
            [left(firstCol), top(firstRow)],
            [right(lastCol), top(firstRow)],
            [right(lastCol), bottom(lastRow)],
            [left(firstCol), bottom(lastRow)],
          ]
        : [
            [left(firstCol), top(firstRow)],
            [right(perRow - 1), top(firstRow)],
            [right(perRow - 1), bottom(lastRow - 1)],
            [right(lastCol), bottom(lastRow - 1)],
            [right(lastCol), bottom(lastRow)],
            [left(0), bottom(lastRow)],
            [left(0), bottom(firstRow)],
            [left(firstCol), bottom(firstRow)],
          ];
    return polygonPath(points.map(([x, y]) => [px(x), px(y)]));
  };

  const groups: IconGroup[] = [];
  const addGroup = (key: IconGroup['key'], from: number, to: number) => {
    if (to <= from) return;
    const first = icons[from] as IconCell;
    const last = icons[to - 1] as IconCell;
    const groupIcons = icons.slice(from, to);
    groups.push({
      key,
      index: groups.length,
      count: to - from,
      icons: groupIcons,
      outline: outline(from, to),
      anchor: { x: px(first.x + cellSize / 2), y: first.y },
      bottom: px(last.y + cellSize),
    });
  };
  addGroup('filled', 0, count);
  addGroup('empty', count, total);

  return {
    width,
    height: rows === 0 ? 2 * PAD : px(rowY(rows - 1) + cellSize + PAD),
    count,
    total,
    perRow,
    rows,
    cellSize: px(cellSize),
    icons,
    groups,
  };
}
