import { Masked } from '@/components/masked';
import { platformName } from '@/components/platform-icon';
import { Timestamp } from '@/components/timestamp';
import type { Interaction } from '@/lib/bird/interaction';
import { InteractionMetadata, interactionLabel } from './interaction-text';

/** Every interaction with every field the API gives (message and channel are this page's). */
export function InteractionsTable({
  interactions,
  loading,
  error,
  onRefresh,
  refreshing,
}: {
  interactions: readonly Interaction[];
  loading: boolean;
  error: string | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  return (
    <section className="md-section" aria-labelledby="md-interactions-title">
      <div className="md-section-head">
        <h2 id="md-interactions-title">Interactions</h2>
        <button
          type="button"
          className="button button-small"
          onClick={onRefresh}
          disabled={refreshing}
        >
          {refreshing ? 'Refreshing…' : 'Refresh interactions'}
        </button>
      </div>
      {error === undefined ? null : (
        <p className="md-note md-note-error" role="alert">
          The interactions could not be loaded: {error}
        </p>
      )}
      {loading ? (
        <p className="md-note" role="status">
          Loading interactions…
        </p>
      ) : interactions.length === 0 ? (
        <p className="md-note">No interactions yet.</p>
      ) : (
        <div className="md-table-scroll">
          <table className="md-table">
            <caption className="visually-hidden">Interactions with this message</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Type</th>
                <th scope="col">Details</th>
                <th scope="col">Metadata</th>
                <th scope="col">Receiver</th>
                <th scope="col">Platform</th>
                <th scope="col">Reference</th>
                <th scope="col">Tags</th>
                <th scope="col">Parts</th>
                <th scope="col">Interaction id</th>
              </tr>
            </thead>
            <tbody>
              {interactions.map((interaction) => (
                <tr key={interaction.id}>
                  <td>
                    <Timestamp value={interaction.createdAt} display="absolute" />
                  </td>
                  <td>{interactionLabel(interaction.type)}</td>
                  <td>{interaction.details === '' ? '—' : interaction.details}</td>
                  <td className="md-cell-wrap">
                    <InteractionMetadata interaction={interaction} />
                  </td>
                  <td>
                    {interaction.receiver.contacts.map((contact) => (
                      <span key={contact.id} className="md-list-item">
                        <Masked value={contact.identifierValue} kind="identifier" />
                      </span>
                    ))}
                  </td>
                  <td>{platformName(interaction.platformId)}</td>
                  <td>
                    {interaction.messageReference === '' ? '—' : interaction.messageReference}
                  </td>
                  <td>
                    {interaction.messageTags.length === 0
                      ? '—'
                      : interaction.messageTags.join(', ')}
                  </td>
                  <td>{interaction.messagePartsCount}</td>
                  <td>
                    <code>{interaction.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
