// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RouteErrorBoundary } from './route-error-boundary';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // React reports each error a boundary catches; these are the ones the tests provoke.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  document.body.innerHTML = '<main id="content" tabindex="-1"></main>';
  container = document.getElementById('content') as HTMLElement;
  root = createRoot(container);
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
  vi.restoreAllMocks();
});

/** A page that fails to render until `state.broken` is false. */
const state = { broken: true };
function Page() {
  if (state.broken) throw new Error('The page broke while rendering');
  return <p>The page itself</p>;
}

function show(resetKey: string) {
  act(() => {
    root.render(
      <RouteErrorBoundary resetKey={resetKey}>
        <Page />
      </RouteErrorBoundary>,
    );
  });
}

const retryButton = () =>
  [...container.querySelectorAll('button')].find((button) => button.textContent === 'Retry');

describe('RouteErrorBoundary', () => {
  it('shows why a page failed with Retry, and Retry renders it again', () => {
    state.broken = true;
    show('/messages');
    expect(container.textContent).toContain('The page broke while rendering');
    expect(container.textContent).not.toContain('The page itself');

    state.broken = false;
    act(() => {
      retryButton()?.click();
    });
    expect(container.textContent).toContain('The page itself');
    expect(retryButton()).toBeUndefined();
    expect(document.activeElement).toBe(container);
  });

  it('starts afresh on another page', () => {
    state.broken = true;
    show('/messages');
    expect(retryButton()).toBeDefined();
    state.broken = false;
    show('/compose');
    expect(container.textContent).toContain('The page itself');
    expect(retryButton()).toBeUndefined();
  });
});
