import { NavLink } from 'react-router';

/**
 * The connection state in the top bar, as a link to the Connect page. Sessions do not exist
 * yet, so Perch is never connected; the connections feature replaces this with the answer
 * of `GET /session`.
 */
export function ConnectionIndicator() {
  return (
    <NavLink to="/connect" className="connection-indicator">
      <span className="connection-indicator-dot" aria-hidden="true" />
      Not connected
    </NavLink>
  );
}
