import { PlatformIcon, platformName } from '@/components/platform-icon';
import type { Channel } from '@/lib/bird/channel';
import { SENDABLE_CHANNEL_STATUS } from '@/lib/bird/decisions';

interface ChannelPickerProps {
  channels: readonly Channel[];
  value: string;
  onChange: (channelId: string) => void;
  error: readonly string[] | undefined;
}

function unavailableReason(channel: Channel): string | undefined {
  if (channel.status === SENDABLE_CHANNEL_STATUS) return undefined;
  return channel.status === 'pending'
    ? 'pending: not set up yet, cannot send'
    : 'inactive: switched off, cannot send';
}

/** Every channel of the workspace; only active ones can be chosen (others say why). */
export function ChannelPicker({ channels, value, onChange, error }: ChannelPickerProps) {
  return (
    <fieldset className="compose-channels" aria-describedby="compose-channel-error">
      <legend>Channel</legend>
      <ul className="compose-channel-list">
        {channels.map((channel) => {
          const reason = unavailableReason(channel);
          return (
            <li key={channel.id}>
              <label className="compose-channel" data-disabled={reason !== undefined}>
                <input
                  type="radio"
                  name="channel"
                  value={channel.id}
                  checked={value === channel.id}
                  disabled={reason !== undefined}
                  onChange={() => {
                    onChange(channel.id);
                  }}
                />
                <PlatformIcon platformId={channel.platformId} decorative />
                <span className="compose-channel-name">{channel.name}</span>
                <span className="compose-channel-meta">
                  {platformName(channel.platformId)} · {channel.identifier}
                </span>
                <span className="compose-channel-status">{reason ?? channel.status}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <FieldError id="compose-channel-error" messages={error} />
    </fieldset>
  );
}

export function FieldError({
  id,
  messages,
}: {
  id: string;
  messages: readonly string[] | undefined;
}) {
  return (
    <p id={id} className="field-error">
      {messages?.join(' · ')}
    </p>
  );
}
