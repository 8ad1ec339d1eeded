import type { FilterChip } from '../utils/filter-chips';
import type { MessageFilters } from '@/lib/message-filters-url';
import { RemoveIcon } from './remove-icon';

interface ActiveFiltersProps {
  chips: readonly FilterChip[];
  onChange: (next: MessageFilters) => void;
  onClear: () => void;
}

/** The active filters as removable chips, and Clear filters. Nothing when none is active. */
export function ActiveFilters({ chips, onChange, onClear }: ActiveFiltersProps) {
  if (chips.length === 0) return null;
  return (
    <div className="messages-chips">
      <h2 className="visually-hidden">Active filters</h2>
      <ul aria-label="Active filters">
        {chips.map((chip) => (
          <li key={chip.id}>
            <button
              type="button"
              className="messages-chip"
              aria-label={`Remove ${chip.label}`}
              onClick={() => {
                onChange(chip.without);
              }}
            >
              {chip.label}
              <RemoveIcon />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

interface UrlNoticesProps {
  notices: readonly string[];
  /** Rewrites the address without the ignored values. */
  onTidy: () => void;
}

/** What was ignored from the address, so a bad link is never silently different. */
export function UrlNotices({ notices, onTidy }: UrlNoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="messages-notice" role="status">
      <p>Part of the address was not understood and is ignored:</p>
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onTidy}>
        Remove them from the address
      </button>
    </div>
  );
}
