import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title';
import './page-header.css';

interface PageHeaderProps {
  /** The page's one h1, also used for the tab title ("Messages · Perch"). */
  title: string;
  /** A sentence or two on what the page is for. */
  description: ReactNode;
}

export function PageHeader({ title, description }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      <h1 className="page-header-title">{title}</h1>
      <p className="page-header-description">{description}</p>
    </header>
  );
}
