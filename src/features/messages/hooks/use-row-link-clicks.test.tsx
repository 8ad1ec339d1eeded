// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useRowLinkClicks } from './use-row-link-clicks';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

let root: Root;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  document.body.innerHTML = '<div id="app"></div>';
  root = createRoot(document.getElementById('app') as HTMLElement);
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
});

function List() {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  useRowLinkClicks(box);
  const location = useLocation();
  return (
    <>
      <output>{`${location.pathname}${location.search}`}</output>
      <div ref={setBox}>
        <a className="messages-row-link" href="/messages/c1/m1?list=tag%3Dx">
          Hello
        </a>
        <a className="other-link" href="/elsewhere">
          Elsewhere
        </a>
      </div>
    </>
  );
}

function show() {
  act(() => {
    root.render(
      <MemoryRouter initialEntries={['/messages']}>
        <List />
      </MemoryRouter>,
    );
  });
}

const shownPath = () => document.querySelector('output')?.textContent;

/**
 * Dispatches a click like a user's; whether the browser would still follow the link (read
 * once the click has reached the document, which then stops jsdom from trying to).
 */
function click(selector: string, init: MouseEventInit = {}): boolean {
  const link = document.querySelector(selector);
  if (link === null) throw new Error(`no ${selector}`);
  let followed = false;
  const atDocument = (event: Event) => {
    followed = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', atDocument);
  act(() => {
    link.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }),
    );
  });
  document.removeEventListener('click', atDocument);
  return followed;
}

describe('useRowLinkClicks', () => {
  it('opens a row link in the app on a plain left click', () => {
    show();
    expect(click('.messages-row-link')).toBe(false);
    expect(shownPath()).toBe('/messages/c1/m1?list=tag%3Dx');
  });

  it('leaves a click with a modifier or another button to the browser', () => {
    show();
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }]) {
      expect(click('.messages-row-link', init)).toBe(true);
      expect(shownPath()).toBe('/messages');
    }
  });

  it('does not touch other links', () => {
    show();
    expect(click('.other-link')).toBe(true);
    expect(shownPath()).toBe('/messages');
  });
});
