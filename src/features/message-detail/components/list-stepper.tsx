import { Link, useNavigate } from 'react-router';
import { listPagePath, messagePagePath, type MessageListContext } from '@/lib/message-list-link';
import { useListPosition } from '../hooks/use-list-position';
import { useStepKeys } from '../hooks/use-step-keys';
import { describeListPosition } from '../utils/list-position';

interface ListStepperProps {
  workspaceId: string;
  list: MessageListContext;
  messageId: string;
}

/**
 * Back to the list, and Previous / Next through it (also j / k), for a message opened from
 * the Messages list. The position is announced as it changes ("Message 12 of 250 loaded").
 */
export function ListStepper({ workspaceId, list, messageId }: ListStepperProps) {
  const navigate = useNavigate();
  const { query, position, searching } = useListPosition(workspaceId, list, messageId);
  const previousPath =
    position?.previous === undefined ? undefined : messagePagePath(position.previous, list);
  const nextPath = position?.next === undefined ? undefined : messagePagePath(position.next, list);
  useStepKeys({
    onPrevious: previousPath === undefined ? undefined : () => void navigate(previousPath),
    onNext: nextPath === undefined ? undefined : () => void navigate(nextPath),
  });

  const retry = () => {
    if (query.data === undefined) void query.refetch();
    else void query.fetchNextPage();
  };
  const failed = query.isError && !query.isFetching;

  let status: string;
  if (position !== undefined) {
    status = `Message ${describeListPosition(position)}`;
    if (failed) status += `; the rest of the list could not be loaded: ${query.error.message}`;
  } else if (query.isPending || searching) status = 'Finding this message in its list…';
  else if (failed) status = `The list could not be loaded: ${query.error.message}`;
  else status = 'This message is not among the loaded rows of its list any more.';

  return (
    <nav className="md-stepper" aria-label="Message list">
      <Link to={listPagePath(list)}>Back to list</Link>
      {previousPath === undefined ? (
        position === undefined ? null : (
          <span className="md-stepper-end">First in the list</span>
        )
      ) : (
        <Link className="button" to={previousPath} aria-keyshortcuts="k" title="Previous (k)">
          Previous
        </Link>
      )}
      <span className="md-stepper-position" role="status">
        {status}
      </span>
      {nextPath !== undefined ? (
        <Link className="button" to={nextPath} aria-keyshortcuts="j" title="Next (j)">
          Next
        </Link>
      ) : position === undefined ? null : position.hasMore && !failed ? (
        <span className="md-stepper-end">Loading more of the list…</span>
      ) : position.hasMore ? null : (
        <span className="md-stepper-end">Last in the list</span>
      )}
      {failed ? (
        <button type="button" className="button" onClick={retry}>
          Retry
        </button>
      ) : null}
    </nav>
  );
}
