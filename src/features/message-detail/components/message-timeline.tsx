import { statusLabel } from '@/components/status-badge';
import { Timestamp } from '@/components/timestamp';
import type { Interaction } from '@/lib/bird/interaction';
import type { Message } from '@/lib/bird/message';
import { buildTimeline, type ObservedStatuses } from '../utils/timeline';
import { InteractionMetadata, interactionLabel } from './interaction-text';

/** The message's statuses and interactions, oldest first. */
export function MessageTimeline({
  message,
  observed,
  interactions,
  live,
}: {
  message: Message;
  observed: ObservedStatuses;
  interactions: readonly Interaction[];
  live: boolean;
}) {
  const entries = buildTimeline(message, observed, interactions);
  return (
    <section className="md-section" aria-labelledby="md-timeline-title">
      <h2 id="md-timeline-title">Timeline</h2>
      <p className="md-note" role="status">
        {live
          ? 'The message is still on its way: this page refreshes on its own until it reaches a final status.'
          : 'The message reached a final status.'}
      </p>
      <ol className="md-timeline" aria-label="Timeline">
        {entries.map((entry) =>
          entry.kind === 'status' ? (
            <li
              key={`status-${entry.status}`}
              className="md-timeline-item"
              data-kind="status"
              data-source={entry.source}
            >
              <span className="md-timeline-what">
                {message.direction === 'incoming' ? 'Received' : statusLabel(entry.status)}
              </span>
              <span className="md-timeline-when">
                {entry.at === undefined ? (
                  'time not reported'
                ) : (
                  <Timestamp value={entry.at} display="absolute" />
                )}
                {entry.source === 'observed' ? ' (seen by this page)' : null}
              </span>
            </li>
          ) : (
            <li
              key={`interaction-${entry.interaction.id}`}
              className="md-timeline-item"
              data-kind="interaction"
            >
              <span className="md-timeline-what">
                {interactionLabel(entry.interaction.type)}
                {entry.interaction.details === '' ? null : (
                  <span className="md-timeline-details"> ({entry.interaction.details})</span>
                )}
              </span>
              <span className="md-timeline-when">
                <Timestamp value={entry.at} display="absolute" />
              </span>
              <InteractionMetadata interaction={entry.interaction} />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
