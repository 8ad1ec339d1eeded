import { useEffect } from 'react';

export const APP_NAME = 'Perch';

/** Sets the tab's title to "`title` · Perch" while the calling component is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}
