import { Link, NavLink } from 'react-router';
import { ThemeToggle } from '@/app/theme/theme-toggle';
import { ConnectionIndicator } from './connection-indicator';

const NAV_ITEMS = [
  { to: '/messages', label: 'Messages' },
  { to: '/compose', label: 'Compose' },
  { to: '/media', label: 'Media' },
] as const;

export function TopBar() {
  return (
    <header className="top-bar">
      <div className="top-bar-inner">
        <Link to="/messages" className="brand">
          {/* The favicon's drawing (public/favicon.svg), in the page: an <img> of it would
              cost a request and an SVG document of its own before the first paint. */}
          <svg
            viewBox="0 0 32 32"
            width="22"
            height="22"
            className="brand-mark"
            aria-hidden="true"
            focusable="false"
          >
            <circle cx="16" cy="16" r="15" fill="#0f766e" />
            <path d="M9 20c4-1 7-4 9-9 1 4 3 7 6 8-5 2-10 3-15 1z" fill="#fff" />
          </svg>
          Perch
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="main-nav-link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-bar-end">
          <ConnectionIndicator />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
