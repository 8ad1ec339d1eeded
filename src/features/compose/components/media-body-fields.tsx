import { describeChannelFit } from '@/lib/media/channel-fit';
import { formatBytes } from '@/lib/media/format';
import type { ComposeForm } from '../utils/compose-form';
import { asMediaBody, type PickedMedia } from '../utils/media-form';
import { TextField, type BodyFieldsProps } from './body-fields';
import { ComposeUpload } from './compose-upload';

interface MediaBodyFieldsProps extends BodyFieldsProps {
  workspaceId: string;
  channelId: string;
  platformId: string;
  edit: (patch: (current: ComposeForm) => Partial<ComposeForm>) => void;
  onBusyChange: (count: number) => void;
}

/** The content type the fit hint reads: the upload's, or "an image" for a pasted image URL. */
function fitType(form: ComposeForm): string {
  if (form.mediaContentType !== '') return form.mediaContentType;
  return form.bodyType === 'image' ? 'image/*' : '';
}

/**
 * One image or file: uploaded here (which fills the media URL, type and name), or by the URL
 * of media uploaded before; with a caption (the body's `text`) and the channel's fit hint.
 */
export function MediaBodyFields({
  form,
  update,
  edit,
  fieldError,
  workspaceId,
  channelId,
  platformId,
  onBusyChange,
}: MediaBodyFieldsProps) {
  const fields = { form, update, fieldError };
  const noun = form.bodyType === 'image' ? 'image' : 'file';
  const fit =
    form.mediaUrl === ''
      ? undefined
      : describeChannelFit(platformId, fitType(form), form.mediaSize);
  const onMedia = (media: PickedMedia) => {
    edit(() => asMediaBody(media));
  };
  return (
    <>
      <ComposeUpload
        workspaceId={workspaceId}
        channelId={channelId}
        title={`Upload the ${noun}`}
        hint="One file, up to 100 MB; an image is sent as an image, anything else as a file."
        multiple={false}
        onMedia={onMedia}
        onBusyChange={onBusyChange}
      />
      <TextField
        {...fields}
        label="Media URL"
        name="mediaUrl"
        help="Filled in by the upload above. Or paste the URL of media uploaded before (on the Media page, say)."
        changes={(mediaUrl) => ({ mediaUrl, mediaSize: null })}
      />
      <p className="field-help compose-media-facts" role="status">
        {form.mediaUrl === ''
          ? ''
          : [
              form.mediaFilename === '' ? null : form.mediaFilename,
              form.mediaSize === null ? null : formatBytes(form.mediaSize),
              fit ?? null,
            ]
              .filter((part) => part !== null)
              .join(' · ')}
      </p>
      {form.bodyType === 'file' ? (
        <div className="compose-row">
          <TextField
            {...fields}
            label="Content type"
            name="mediaContentType"
            help="For example application/pdf"
          />
          <TextField {...fields} label="File name" name="mediaFilename" />
        </div>
      ) : null}
      <TextField {...fields} label="Caption" name="text" />
    </>
  );
}
