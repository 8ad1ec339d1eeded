/**
 * How many rows a scroll may draw anew per frame. A fast fling on a slow machine brings in
 * more rows each frame than that frame can lay out and paint in 50 ms, and a frame that ran
 * late brings in more still. While the list scrolls, rows past the budget show as
 * placeholders and are drawn in the frames that follow, the rows on screen first; once the
 * list comes to rest, every row is drawn at once.
 *
 * Kept outside React state, like the virtualizer: `select` during a render, `commit` once
 * React has put the rows in the DOM (a render that React throws away changes nothing).
 */
export interface RowSelection {
  drawn: ReadonlySet<string>;
  /** Whether some of the keys were left for a later frame. */
  waiting: boolean;
}

export class RowDrawBudget {
  private drawn: ReadonlySet<string> = new Set();
  private drawnThisFrame = 0;
  private frameRequested = false;
  private waiting = false;
  private drawMore: () => void = () => undefined;

  constructor(
    private readonly perFrame: number,
    private readonly requestFrame: (callback: () => void) => void = (callback) => {
      requestAnimationFrame(callback);
    },
  ) {}

  /**
   * The rows to draw now among `keys` (in the order they should be drawn): those already in
   * the DOM, and new ones while this frame has room. All of them when `limited` is false.
   */
  select(keys: readonly string[], limited: boolean): RowSelection {
    if (!limited) return { drawn: new Set(keys), waiting: false };
    let room = this.perFrame - this.drawnThisFrame;
    const drawn = new Set<string>();
    for (const key of keys) {
      if (this.drawn.has(key)) {
        drawn.add(key);
      } else if (room > 0) {
        drawn.add(key);
        room -= 1;
      }
    }
    return { drawn, waiting: drawn.size < keys.length };
  }

  /**
   * The rows React has just put in the DOM. At the next frame the budget starts again and,
   * when some rows were left waiting, `drawMore` asks for a render that draws the next ones.
   */
  commit({ drawn, waiting }: RowSelection, drawMore: () => void): void {
    for (const key of drawn) if (!this.drawn.has(key)) this.drawnThisFrame += 1;
    this.drawn = drawn;
    this.waiting = waiting;
    this.drawMore = drawMore;
    if (this.frameRequested || (this.drawnThisFrame === 0 && !waiting)) return;
    this.frameRequested = true;
    this.requestFrame(() => {
      this.frameRequested = false;
      this.drawnThisFrame = 0;
      if (this.waiting) this.drawMore();
    });
  }
}

/**
 * The order in which to draw `indexes` when not all can be drawn at once: the rows on
 * screen (`visible`) first, starting from the edge the scroll brings rows in at (they stay
 * in sight the longest; the rows at the other edge are about to leave), then the rows ahead
 * of the scroll, nearest first, then those behind it. At rest, top to bottom.
 */
export function drawingOrder(
  indexes: readonly number[],
  visible: { startIndex: number; endIndex: number } | null,
  direction: 'forward' | 'backward' | null,
): number[] {
  if (visible === null || direction === null) return [...indexes];
  const forward = direction === 'forward';
  const rank = (index: number): [number, number] => {
    if (index >= visible.startIndex && index <= visible.endIndex) {
      return [0, forward ? visible.endIndex - index : index - visible.startIndex];
    }
    const ahead = forward ? index > visible.endIndex : index < visible.startIndex;
    const distance =
      index > visible.endIndex ? index - visible.endIndex : visible.startIndex - index;
    return [ahead ? 1 : 2, distance];
  };
  return [...indexes].sort((a, b) => {
    const [groupA, orderA] = rank(a);
    const [groupB, orderB] = rank(b);
    return groupA - groupB || orderA - orderB;
  });
}
