import { useId } from 'react';
import { TextField, type BodyFieldsProps } from './body-fields';
import { FieldError } from './channel-picker';

function TextArea(props: {
  label: string;
  name: 'html' | 'plain';
  rows: number;
  value: string;
  onChange: (value: string) => void;
  fieldError: BodyFieldsProps['fieldError'];
}) {
  const id = useId();
  const errors = props.fieldError(props.name);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows}
        value={props.value}
        aria-invalid={errors !== undefined || undefined}
        aria-describedby={`${id}-error`}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** An email's subject, sender and both parts (the attachments come after, on their own). */
export function EmailFields({
  form,
  update,
  fieldError,
  domain,
}: BodyFieldsProps & { /** The channel's sending domain. */ domain: string }) {
  return (
    <>
      <TextField
        label="Subject"
        name="subject"
        value={form.subject}
        fieldError={fieldError}
        onChange={(subject) => {
          update({ subject });
        }}
      />
      <div className="compose-row">
        <TextField
          label="Sender user"
          name="senderUser"
          value={form.senderUser}
          placeholder="news"
          help={`The part before @${domain}`}
          fieldError={fieldError}
          onChange={(senderUser) => {
            update({ senderUser });
          }}
        />
        <TextField
          label="Sender name"
          name="senderName"
          value={form.senderName}
          fieldError={fieldError}
          onChange={(senderName) => {
            update({ senderName });
          }}
        />
      </div>
      <TextArea
        label="HTML body"
        name="html"
        rows={8}
        value={form.html}
        fieldError={fieldError}
        onChange={(html) => {
          update({ html });
        }}
      />
      <TextArea
        label="Plain-text alternative"
        name="plain"
        rows={4}
        value={form.plain}
        fieldError={fieldError}
        onChange={(plain) => {
          update({ plain });
        }}
      />
    </>
  );
}
