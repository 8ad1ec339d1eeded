/* global document, matchMedia */
// Applies the colour theme before first paint, so that a dark pick never flashes light.
// A classic render-blocking script because the CSP allows no inline script. The same rule
// as src/app/theme/theme-store.ts: the remembered pick, else the system setting.
(function () {
  var theme = null;
  try {
    theme = localStorage.getItem('perch.theme');
  } catch {
    theme = null;
  }
  if (theme !== 'light' && theme !== 'dark') {
    theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.dataset.theme = theme;
})();
