import { describe, expect, it } from 'vitest';
import { RowDrawBudget, drawingOrder } from './row-draw-budget';

/** A budget whose frames come when the test says so. */
function budgetWithFrames(perFrame: number) {
  const frames: (() => void)[] = [];
  const budget = new RowDrawBudget(perFrame, (callback) => frames.push(callback));
  const nextFrame = () => {
    const pending = frames.splice(0);
    for (const callback of pending) callback();
  };
  return { budget, frames, nextFrame };
}

const keys = (...names: string[]) => names;

describe('RowDrawBudget', () => {
  it('draws every row when the list is not scrolling', () => {
    const { budget } = budgetWithFrames(2);
    const all = budget.select(keys('a', 'b', 'c', 'd'), false);
    expect([...all.drawn]).toEqual(['a', 'b', 'c', 'd']);
    expect(all.waiting).toBe(false);
  });

  it('keeps the rows already drawn and adds new ones up to the budget, in the order given', () => {
    const { budget } = budgetWithFrames(2);
    budget.commit({ drawn: new Set(['a', 'b']), waiting: false }, () => undefined);
    const chosen = budget.select(keys('b', 'c', 'a', 'd', 'e'), true);
    // The first commit used the frame's budget: only the rows already drawn stay.
    expect([...chosen.drawn]).toEqual(['b', 'a']);
    expect(chosen.waiting).toBe(true);
  });

  it('starts again at the next frame and asks for the rows left waiting to be drawn', () => {
    const { budget, nextFrame } = budgetWithFrames(2);
    let asked = 0;
    const drawMore = () => {
      asked += 1;
    };
    budget.commit({ drawn: new Set(['a']), waiting: false }, drawMore);
    nextFrame();
    const first = budget.select(keys('a', 'b', 'c', 'd'), true);
    expect([...first.drawn]).toEqual(['a', 'b', 'c']);
    expect(first.waiting).toBe(true);
    budget.commit(first, drawMore);
    expect(asked).toBe(0);
    expect([...budget.select(keys('a', 'b', 'c', 'd'), true).drawn]).toEqual(['a', 'b', 'c']);
    nextFrame();
    expect(asked).toBe(1);
    expect([...budget.select(keys('a', 'b', 'c', 'd'), true).drawn]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts only rows new to the DOM, and forgets rows that left it', () => {
    const { budget, nextFrame } = budgetWithFrames(1);
    budget.commit({ drawn: new Set(['a', 'b']), waiting: false }, () => undefined);
    nextFrame();
    budget.commit({ drawn: new Set(['b']), waiting: false }, () => undefined);
    // 'a' left the DOM: coming back, it is new again and takes the frame's only place.
    expect([...budget.select(keys('a', 'b', 'c'), true).drawn]).toEqual(['a', 'b']);
  });

  it('asks for one frame at a time, and none when nothing was drawn or is waiting', () => {
    const { budget, frames, nextFrame } = budgetWithFrames(2);
    budget.commit({ drawn: new Set(), waiting: false }, () => undefined);
    expect(frames).toHaveLength(0);
    budget.commit({ drawn: new Set(['a']), waiting: true }, () => undefined);
    budget.commit({ drawn: new Set(['a', 'b']), waiting: true }, () => undefined);
    expect(frames).toHaveLength(1);
    nextFrame();
    budget.commit({ drawn: new Set(['a', 'b']), waiting: false }, () => undefined);
    expect(frames).toHaveLength(0);
  });
});

describe('drawingOrder', () => {
  const indexes = [8, 9, 10, 11, 12, 13, 14, 15];
  const visible = { startIndex: 10, endIndex: 13 };

  it('keeps the rows top to bottom at rest', () => {
    expect(drawingOrder(indexes, visible, null)).toEqual(indexes);
    expect(drawingOrder(indexes, null, 'forward')).toEqual(indexes);
  });

  it('scrolling down: the rows on screen from the bottom up, then below, then above', () => {
    expect(drawingOrder(indexes, visible, 'forward')).toEqual([13, 12, 11, 10, 14, 15, 9, 8]);
  });

  it('scrolling up: the rows on screen from the top down, then above, then below', () => {
    expect(drawingOrder(indexes, visible, 'backward')).toEqual([10, 11, 12, 13, 9, 8, 14, 15]);
  });
});
