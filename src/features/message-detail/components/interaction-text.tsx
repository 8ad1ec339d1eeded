import type { Interaction } from '@/lib/bird/interaction';
import { SafeLink } from './safe-link';

const TYPE_LABELS: Readonly<Record<Interaction['type'], string>> = {
  opened: 'Opened',
  clicked: 'Clicked',
  read: 'Read',
  reaction: 'Reaction',
  'reported-as-spam': 'Reported as spam',
  'unsubscribe-request': 'Unsubscribe request',
  'subscribe-request': 'Subscribe request',
  'subscribe-consent': 'Subscribe consent',
  conversion: 'Conversion',
  'delete-request': 'Delete request',
  invalid: 'Invalid',
};

export function interactionLabel(type: Interaction['type']): string {
  return TYPE_LABELS[type];
}

/** The metadata of an interaction: the clicked link, the reaction, anything else as JSON. */
export function InteractionMetadata({ interaction }: { interaction: Interaction }) {
  const metadata = interaction.metadata;
  if (metadata === undefined) return null;
  const { link, reaction, ...rest } = metadata;
  const others = Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
  return (
    <span className="md-metadata">
      {link === undefined ? null : (
        <span>
          Link: <SafeLink url={link.url} text={link.name} />
        </span>
      )}
      {reaction === undefined ? null : (
        <span>
          Reaction: {reaction.emoji} ({reaction.action})
        </span>
      )}
      {others === null ? null : <code>{others}</code>}
    </span>
  );
}
