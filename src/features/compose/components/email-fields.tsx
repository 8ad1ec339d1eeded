import { TextArea, TextField, type BodyFieldsProps } from './body-fields';

/** An email's subject, sender and both parts (the attachments come after, on their own). */
export function EmailFields({
  form,
  update,
  fieldError,
  domain,
}: BodyFieldsProps & { /** The channel's sending domain. */ domain: string }) {
  const fields = { form, update, fieldError };
  return (
    <>
      <TextField {...fields} label="Subject" name="subject" />
      <div className="compose-row">
        <TextField
          {...fields}
          label="Sender user"
          name="senderUser"
          placeholder="news"
          help={`The part before @${domain}`}
        />
        <TextField {...fields} label="Sender name" name="senderName" />
      </div>
      <TextArea {...fields} label="HTML body" name="html" rows={8} />
      <TextArea {...fields} label="Plain-text alternative" name="plain" rows={4} />
    </>
  );
}
