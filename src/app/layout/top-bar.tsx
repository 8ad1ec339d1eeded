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
          <img src="/favicon.svg" alt="" width="22" height="22" className="brand-mark" />
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
