import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { channelListQueryOptions } from '@/lib/api/channels';

interface ChannelPickerProps {
  workspaceId: string;
  /** `null`: the channel-media alias. */
  value: string | null;
  onChange: (channelId: string | null) => void;
}

const ANY_CHANNEL = '';

/** Where files are presigned: any channel (E9's channel-media alias) or one channel. */
export function ChannelPicker({ workspaceId, value, onChange }: ChannelPickerProps) {
  const id = useId();
  const helpId = useId();
  const channels = useQuery(channelListQueryOptions(workspaceId));

  return (
    <div className="field media-channel-field">
      <label htmlFor={id}>Upload for</label>
      <select
        id={id}
        value={value ?? ANY_CHANNEL}
        aria-describedby={helpId}
        onChange={(event) => {
          onChange(event.target.value === ANY_CHANNEL ? null : event.target.value);
        }}
      >
        <option value={ANY_CHANNEL}>Any channel (channel media)</option>
        {channels.data?.results.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.name} · {channel.platformId}
            {channel.status === 'active' ? '' : ` (${channel.status})`}
          </option>
        ))}
      </select>
      <p id={helpId} className="field-help">
        {channels.isError
          ? `The channels could not be loaded (${channels.error.message}); uploads go to channel media.`
          : 'Files added from now on are presigned for this choice.'}
      </p>
    </div>
  );
}
