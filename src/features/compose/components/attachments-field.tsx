import { useId } from 'react';
import { describeAttachmentTotal } from '@/lib/media/channel-fit';
import { formatBytes } from '@/lib/media/format';
import type { ComposeForm, EmailAttachment } from '../utils/compose-form';
import { withAttachment, type PickedMedia } from '../utils/media-form';
import { FieldError } from './channel-picker';
import { ComposeUpload } from './compose-upload';

interface AttachmentsFieldProps {
  workspaceId: string;
  channelId: string;
  attachments: readonly EmailAttachment[];
  edit: (patch: (current: ComposeForm) => Partial<ComposeForm>) => void;
  errors: readonly string[] | undefined;
  onBusyChange: (count: number) => void;
}

function facts(attachment: EmailAttachment): string {
  const parts = [
    attachment.contentType === '' ? null : attachment.contentType,
    attachment.size === null ? null : formatBytes(attachment.size),
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'carried over from the original message' : parts.join(' · ');
}

/** An email's attachments: uploaded here, listed with their size, each removable. */
export function AttachmentsField({
  workspaceId,
  channelId,
  attachments,
  edit,
  errors,
  onBusyChange,
}: AttachmentsFieldProps) {
  const headingId = useId();
  const errorId = useId();
  const onMedia = (media: PickedMedia) => {
    edit((current) => withAttachment(current, media));
  };
  return (
    <div className="compose-attachments" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="compose-subheading">
        Attachments
      </h3>
      <ComposeUpload
        workspaceId={workspaceId}
        channelId={channelId}
        title="Attach files"
        hint="Up to 100 MB each, several at once; email carries about 10 MB of attachments in all."
        multiple
        onMedia={onMedia}
        onBusyChange={onBusyChange}
      />
      {attachments.length === 0 ? null : (
        <ul className="compose-attachment-list" aria-label="Attachments" aria-describedby={errorId}>
          {attachments.map((attachment) => (
            <li key={attachment.mediaUrl} className="compose-attachment">
              <span className="compose-attachment-name">{attachment.filename}</span>
              <span className="field-help">{facts(attachment)}</span>
              <button
                type="button"
                className="button compose-button-small"
                aria-label={`Remove attachment ${attachment.filename}`}
                onClick={() => {
                  edit((current) => ({
                    attachments: current.attachments.filter(
                      (each) => each.mediaUrl !== attachment.mediaUrl,
                    ),
                  }));
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="field-help" role="status">
        {attachments.length === 0 ? '' : describeAttachmentTotal(attachments.map((a) => a.size))}
      </p>
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
