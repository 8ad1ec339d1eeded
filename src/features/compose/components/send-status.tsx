import { Link } from 'react-router';
import type { SendPhase } from '../hooks/use-exactly-once-send';
import { explainRefusal } from '../utils/explain-refusal';

/** Where the send stands, in words: sending, checking, sent (with a link), refused, unknown. */
export function SendStatus({
  phase,
  onCheckAgain,
}: {
  phase: SendPhase;
  onCheckAgain: () => Promise<void>;
}) {
  switch (phase.kind) {
    case 'idle':
      return <p role="status" className="compose-status-empty" />;
    case 'sending':
      return <p role="status">Sending…</p>;
    case 'checking':
      return (
        <p role="status">
          No clear answer ({phase.reason}). Looking the reference up among the channel&apos;s recent
          messages before sending again…
        </p>
      );
    case 'sent':
      return (
        <div role="status" className="compose-toast">
          <p>
            {phase.recovered
              ? 'The answer was lost, but the message was found among the channel’s messages: it was sent once.'
              : phase.message.status === 'scheduled'
                ? 'Message scheduled.'
                : 'Message accepted.'}{' '}
            <Link to={`/messages/${phase.message.channelId}/${phase.message.id}`}>
              View the message
            </Link>
          </p>
        </div>
      );
    case 'not-found':
      return (
        <div role="alert" className="compose-banner">
          <p>
            The send got no answer ({phase.reason}), and its reference is not among the
            channel&apos;s recent messages: it was not sent. Send again when ready.
          </p>
        </div>
      );
    case 'unchecked':
      return (
        <div role="alert" className="compose-banner">
          <p>
            The send got no answer ({phase.reason}), and checking whether it arrived failed too (
            {phase.lookupError}). Check before sending again, so the message goes out once.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void onCheckAgain();
            }}
          >
            Check again
          </button>
        </div>
      );
    case 'refused':
      return (
        <div role="alert" className="compose-banner">
          <p>{explainRefusal(phase.error)}</p>
        </div>
      );
  }
}
