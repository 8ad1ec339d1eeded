import '@/lib/zod-csp';
import '@/app/theme/theme.css';
import '@/styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, appReady } from '@/app/app';
import { startThemeSync } from '@/app/theme/theme-store';
import { writeViewCookie } from '@/lib/view-cookie';

startThemeSync();
// The server renders this browser's next page loads with it (src/lib/view-cookie.ts).
writeViewCookie();

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');
void appReady().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App root={root} />
    </StrictMode>,
  );
});
