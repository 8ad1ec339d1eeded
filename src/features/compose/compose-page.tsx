import { useQuery } from '@tanstack/react-query';
import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { useCallback, useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useNow } from '@/components/use-now';
import { channelListQueryOptions } from '@/lib/api/channels';
import { messageQueryOptions } from '@/lib/api/messages';
import { sessionQueryOptions } from '@/lib/api/session';
import type { Channel } from '@/lib/bird/channel';
import { MAX_SCHEDULE_AHEAD_DAYS, SENDABLE_CHANNEL_STATUS } from '@/lib/bird/decisions';
import type { Message } from '@/lib/bird/message';
import { validateSendBody, type SendMessageRequestInput } from '@/lib/bird/send-body';
import { tagSchema } from '@/lib/bird/tag';
import { draftFromMessage, readComposeAddress } from '@/lib/compose-prefill';
import type { ConnectedSessionInfo } from '@/lib/perch/session';
import { replaceWithGsm7 } from '@/lib/sms/encoding';
import { AttachmentsField } from './components/attachments-field';
import { LocationFields, TemplateFields } from './components/body-fields';
import { MediaBodyFields } from './components/media-body-fields';
import { ChannelPicker, FieldError } from './components/channel-picker';
import { EmailFields } from './components/email-fields';
import { MessagePreview } from './components/message-preview';
import { RecipientInput } from './components/recipient-input';
import { RequestPreview } from './components/request-preview';
import { SendStatus } from './components/send-status';
import { StartNotice } from './components/start-notice';
import { SmsCounter } from './components/sms-counter';
import { readStoredDraft, useComposeDraft } from './hooks/use-compose-draft';
import { useExactlyOnceSend } from './hooks/use-exactly-once-send';
import {
  buildRequest,
  defaultCountry,
  emptyForm,
  hasErrors,
  isEmailPlatform,
  mapDetails,
  parsedRecipients,
  recipientFields,
  SMS_PLATFORM,
  scheduleToRfc3339,
  splitTags,
  type BodyKind,
  type ComposeForm,
  type FieldName,
  type MappedErrors,
  type RecipientField,
} from './utils/compose-form';
import { addRecipients, recipientKind } from './utils/recipients';
import { formFromDraft } from './utils/prefill-form';
import { startFromMedia, type ComposeStart } from './utils/start-from-media';
import { fromNow } from './utils/relative-time';
import './compose-page.css';

const DESCRIPTION =
  "Write a message and send it on one of the workspace's channels. It is checked before it leaves, and sent exactly once.";

const NO_ERRORS: MappedErrors = { fields: {}, chips: {}, unmapped: [] };
const NOTHING_TO_TELL: ComposeStart = { form: undefined, notes: [], undo: undefined };
const RECIPIENT_LABEL: Record<RecipientField, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };

export function ComposePage() {
  const session = useQuery(sessionQueryOptions());
  return (
    <>
      <PageHeader title="Compose" description={DESCRIPTION} />
      {/* The session guard renders pages only once connected. */}
      {session.data?.connected === true ? <Composer session={session.data} /> : null}
    </>
  );
}

function Composer({ session }: { session: ConnectedSessionInfo }) {
  const [search, setSearch] = useSearchParams();
  const { prefill, ignored } = readComposeAddress(search);
  const fromMessage = prefill !== null && prefill.mode !== 'media' ? prefill : null;
  const channels = useQuery(channelListQueryOptions(session.workspaceId));
  const source = useQuery({
    ...messageQueryOptions(
      session.workspaceId,
      fromMessage?.channelId ?? '',
      fromMessage?.messageId ?? '',
    ),
    enabled: fromMessage !== null,
  });
  const [applied, setApplied] = useState<ComposeStart | undefined>(undefined);
  const hasPrefill = search.has('mode');
  useEffect(() => {
    if (applied !== undefined && hasPrefill) setSearch({}, { replace: true });
  }, [applied, hasPrefill, setSearch]);

  if (channels.isPending || (fromMessage !== null && source.isPending && applied === undefined)) {
    return (
      <p role="status">
        {fromMessage ? 'Loading the message to start from…' : 'Loading channels…'}
      </p>
    );
  }
  if (channels.isError) {
    return (
      <p role="alert" className="compose-banner">
        The channels could not be loaded: {channels.error.message}
      </p>
    );
  }
  if (applied === undefined) {
    // Applied once; the address then loses the prefill, so a reload keeps the edits (draft).
    setApplied(startFor());
    return null;
  }
  return <ComposeFormView session={session} channels={channels.data.results} start={applied} />;

  function startFor(): ComposeStart {
    const notes =
      ignored.length === 0 ? [] : [`Ignored from the link, as malformed: ${ignored.join(', ')}.`];
    if (prefill?.mode === 'media') {
      const start = startFromMedia({
        media: prefill,
        draft: readStoredDraft(session.workspaceId),
        channels: channels.data?.results ?? [],
        mediaBases: session.mediaBases,
        country: defaultCountry(),
      });
      return { ...start, notes: [...notes, ...start.notes] };
    }
    const draft =
      fromMessage && source.data ? draftFromMessage(source.data, fromMessage.mode) : null;
    if (draft === null) {
      if (source.isError) {
        notes.push(`The message to start from could not be loaded (${source.error.message}).`);
      }
      return { form: undefined, notes, undo: undefined };
    }
    const { form, leftOut } = formFromDraft(draft, defaultCountry());
    if (leftOut !== undefined) {
      notes.push(`Started from a message; ${leftOut} cannot be edited here and was left out.`);
    }
    return { form, notes, undo: undefined };
  }
}

function firstActive(channels: readonly Channel[]): string {
  return channels.find((c) => c.status === SENDABLE_CHANNEL_STATUS)?.id ?? '';
}

function ComposeFormView({
  session,
  channels,
  start,
}: {
  session: ConnectedSessionInfo;
  channels: readonly Channel[];
  start: ComposeStart;
}) {
  const { workspaceId, mediaBases } = session;
  const [startNotes, setStartNotes] = useState(start);
  const [uploading, setUploading] = useState(0);
  const onBusyChange = useCallback((count: number) => {
    setUploading(count);
  }, []);
  const ids = { text: useId() };
  const more = { ref: useId(), tags: useId(), at: useId(), country: useId() };
  const opts = { validity: useId(), links: useId(), kind: useId() };
  const now = useNow();
  const errorSummaryRef = useRef<HTMLDivElement>(null);
  const { form, setForm, draftState, clear } = useComposeDraft(
    workspaceId,
    () => emptyForm({ channelId: firstActive(channels), country: defaultCountry() }),
    start.form,
  );
  const [errors, setErrors] = useState<MappedErrors>(NO_ERRORS);

  const channel = channels.find(
    (c) => c.id === form.channelId && c.status === SENDABLE_CHANNEL_STATUS,
  );
  const platformId = channel?.platformId ?? '';
  const email = isEmailPlatform(platformId);
  const kind = recipientKind(platformId);
  const recipients = parsedRecipients(form, platformId);
  const built = channel ? buildRequest(form, channel) : undefined;

  const onSent = (message: Message) => {
    setErrors(NO_ERRORS);
    setStartNotes(NOTHING_TO_TELL);
    clear(emptyForm({ channelId: message.channelId, country: form.country }));
  };
  const { phase, send, checkAgain, reset } = useExactlyOnceSend(workspaceId, onSent);
  const busy = phase.kind === 'sending' || phase.kind === 'checking';
  const blocked = busy || phase.kind === 'unchecked';

  const edit = (patch: (current: ComposeForm) => Partial<ComposeForm>) => {
    setForm((current) => ({ ...current, ...patch(current) }));
    if (phase.kind === 'sent' || phase.kind === 'refused') reset();
  };
  const update = (patch: Partial<ComposeForm>) => {
    edit(() => patch);
  };

  const fieldError = (name: FieldName) => errors.fields[name];
  const invalidProps = (name: FieldName, describedBy: string) => ({
    'aria-invalid': errors.fields[name] !== undefined || undefined,
    'aria-describedby': describedBy,
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (blocked) return;
    if (!channel || !built) {
      setErrors({ ...NO_ERRORS, fields: { channelId: ['Choose an active channel'] } });
      return;
    }
    if (uploading > 0) {
      const waiting = `${uploading === 1 ? 'an upload is' : `${String(uploading)} uploads are`} still running: wait for it to finish, or cancel it`;
      setErrors({ ...NO_ERRORS, fields: { [email ? 'attachments' : 'mediaUrl']: [waiting] } });
      errorSummaryRef.current?.focus();
      return;
    }
    const checked = checkNow(built.request, platformId);
    const mapped = checked.ok ? NO_ERRORS : mapDetails(checked.details, built.contacts, form);
    // Entries the phone library could not read are marked on their chips too.
    for (const field of recipientFields(platformId)) {
      recipients[field].forEach((entry, index) => {
        if (entry.problem === undefined) return;
        const key = `${field}:${String(index)}`;
        if (mapped.chips[key] === undefined) mapped.chips[key] = [];
        const list = (mapped.fields[field] ??= []);
        const message = `${entry.input}: ${entry.problem}`;
        if (!list.includes(message)) list.push(message);
      });
    }
    if (form.scheduleAt !== '' && scheduleToRfc3339(form.scheduleAt) === undefined) {
      mapped.fields.scheduleAt = ['must be a date and time'];
    }
    setErrors(mapped);
    if (hasErrors(mapped)) {
      errorSummaryRef.current?.focus();
      return;
    }
    const { contacts } = built;
    void send({
      channelId: channel.id,
      request: built.request,
      reference: form.reference,
      firstRecipient: built.request.receiver.contacts[0]?.identifierValue,
    }).then((ended) => {
      // A 422 from Bird maps back onto the fields; whatever has no field shows above.
      if (ended?.kind === 'refused' && ended.error.status === 422) {
        setErrors(mapDetails(ended.error.details ?? {}, contacts, form));
      }
    });
  };

  const tagProblems = splitTags(form.tags).flatMap((tag) => {
    const result = tagSchema.safeParse(tag);
    return result.success ? [] : [`"${tag}": ${result.error.issues[0]?.message ?? 'invalid'}`];
  });
  const tagCount = splitTags(form.tags).length;
  const scheduled = scheduleToRfc3339(form.scheduleAt);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const errorCount =
    Object.values(errors.fields).reduce((n, list) => n + list.length, 0) + errors.unmapped.length;

  return (
    <form className="compose-form" noValidate onSubmit={submit} aria-label="Compose a message">
      <div className="compose-main">
        <StartNotice
          notes={startNotes.notes}
          onUndo={
            startNotes.undo === undefined
              ? undefined
              : () => {
                  const previous = startNotes.undo;
                  if (previous !== undefined) setForm(previous);
                  setStartNotes({
                    form: undefined,
                    notes: ['Your draft is back as it was.'],
                    undo: undefined,
                  });
                }
          }
        />
        <div ref={errorSummaryRef} tabIndex={-1} className="compose-summary">
          {errors.unmapped.length > 0 || errorCount > 0 ? (
            <div role="alert" className="compose-banner">
              <p>
                {errorCount === 1 ? '1 problem' : `${String(errorCount)} problems`} to fix before
                sending
                {errors.unmapped.length > 0 ? ', including fields without a place here:' : '.'}
              </p>
              {errors.unmapped.length > 0 ? (
                <ul aria-label="Other problems">
                  {errors.unmapped.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <SendStatus phase={phase} onCheckAgain={checkAgain} />
        </div>

        <ChannelPicker
          channels={channels}
          value={channel?.id ?? ''}
          error={fieldError('channelId')}
          onChange={(channelId) => {
            update({ channelId });
            setErrors(NO_ERRORS);
          }}
        />

        {channel ? (
          <>
            <fieldset className="compose-group">
              <legend>Recipients</legend>
              {form.replyToId === '' ? null : (
                <div className="compose-note">
                  A reply to{' '}
                  <Link to={`/messages/${channel.id}/${form.replyToId}`}>the incoming message</Link>{' '}
                  <button
                    type="button"
                    className="button compose-button-small"
                    onClick={() => {
                      update({ replyToId: '' });
                    }}
                  >
                    Remove the reply link
                  </button>
                  <FieldError id="compose-reply-error" messages={fieldError('replyToId')} />
                </div>
              )}
              {kind === 'phone' ? (
                <div className="field">
                  <label htmlFor={more.country}>Default country for local numbers</label>
                  <select
                    id={more.country}
                    value={form.country}
                    onChange={(event) => {
                      update({ country: event.target.value as CountryCode });
                    }}
                  >
                    {COUNTRIES.map(({ code, label }) => (
                      <option key={code} value={code}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {recipientFields(platformId).map((field) => (
                <RecipientInput
                  key={field}
                  label={RECIPIENT_LABEL[field]}
                  kind={kind}
                  entries={recipients[field]}
                  error={fieldError(field)}
                  chipErrors={(index) => errors.chips[`${field}:${String(index)}`]}
                  onAdd={(text) => {
                    update({ [field]: addRecipients(form[field], text, kind) });
                  }}
                  onRemove={(index) => {
                    update({ [field]: form[field].filter((_, i) => i !== index) });
                    setErrors(NO_ERRORS);
                  }}
                />
              ))}
            </fieldset>

            <fieldset className="compose-group">
              <legend>Content</legend>
              {email ? (
                <>
                  <EmailFields
                    form={form}
                    update={update}
                    fieldError={fieldError}
                    domain={channel.identifier}
                  />
                  <AttachmentsField
                    workspaceId={workspaceId}
                    channelId={channel.id}
                    attachments={form.attachments}
                    edit={edit}
                    errors={fieldError('attachments')}
                    onBusyChange={onBusyChange}
                  />
                </>
              ) : (
                <>
                  <div className="field">
                    <label htmlFor={opts.kind}>Message type</label>
                    <select
                      id={opts.kind}
                      value={form.bodyType}
                      onChange={(e) => {
                        update({ bodyType: e.target.value as BodyKind });
                        setErrors(NO_ERRORS);
                      }}
                    >
                      <option value="text">Text</option>
                      <option value="image">Image</option>
                      <option value="file">File</option>
                      <option value="location">Location</option>
                      <option value="template">Template</option>
                    </select>
                  </div>
                  {form.bodyType === 'image' || form.bodyType === 'file' ? (
                    <MediaBodyFields
                      form={form}
                      update={update}
                      edit={edit}
                      fieldError={fieldError}
                      workspaceId={workspaceId}
                      channelId={channel.id}
                      platformId={platformId}
                      onBusyChange={onBusyChange}
                    />
                  ) : form.bodyType === 'location' ? (
                    <LocationFields form={form} update={update} fieldError={fieldError} />
                  ) : form.bodyType === 'template' ? (
                    <TemplateFields form={form} update={update} fieldError={fieldError} />
                  ) : (
                    <div className="field">
                      <label htmlFor={ids.text}>Text</label>
                      <textarea
                        id={ids.text}
                        rows={5}
                        value={form.text}
                        onChange={(e) => {
                          update({ text: e.target.value });
                        }}
                        {...invalidProps(
                          'text',
                          `${ids.text}-error${platformId === SMS_PLATFORM ? ' compose-sms-count' : ''}`,
                        )}
                      />
                      {platformId === SMS_PLATFORM ? (
                        <SmsCounter
                          text={form.text}
                          onReplace={(char) => {
                            update({ text: replaceWithGsm7(form.text, char) });
                          }}
                        />
                      ) : null}
                      <FieldError id={`${ids.text}-error`} messages={fieldError('text')} />
                    </div>
                  )}
                </>
              )}
            </fieldset>

            <fieldset className="compose-group">
              <legend>Options</legend>
              <div className="compose-row">
                <div className="field">
                  <label htmlFor={more.ref}>Reference</label>
                  <input
                    id={more.ref}
                    value={form.reference}
                    onChange={(e) => {
                      update({ reference: e.target.value });
                    }}
                    {...invalidProps('reference', `${more.ref}-help ${more.ref}-error`)}
                  />
                  <p id={`${more.ref}-help`} className="field-help">
                    One per message: Perch looks it up before sending again after a lost answer.
                  </p>
                  <FieldError id={`${more.ref}-error`} messages={fieldError('reference')} />
                </div>
                <div className="field">
                  <label htmlFor={more.tags}>Tags</label>
                  <input
                    id={more.tags}
                    value={form.tags}
                    placeholder="campaign, test"
                    onChange={(e) => {
                      update({ tags: e.target.value });
                    }}
                    aria-invalid={
                      tagProblems.length > 0 || fieldError('tags') !== undefined || undefined
                    }
                    aria-describedby={`${more.tags}-help ${more.tags}-error`}
                  />
                  <p id={`${more.tags}-help`} className="field-help">
                    Comma-separated, up to 10 ({String(tagCount)} now); letters, digits, -, _ and
                    spaces.
                  </p>
                  <FieldError
                    id={`${more.tags}-error`}
                    messages={
                      tagProblems.length + (fieldError('tags')?.length ?? 0) > 0
                        ? [...tagProblems, ...(fieldError('tags') ?? [])]
                        : undefined
                    }
                  />
                </div>
              </div>
              <div className="field">
                <label htmlFor={more.at}>Send later at ({timeZone})</label>
                <input
                  id={more.at}
                  type="datetime-local"
                  value={form.scheduleAt}
                  onChange={(e) => {
                    update({ scheduleAt: e.target.value });
                  }}
                  {...invalidProps('scheduleAt', `${more.at}-help ${more.at}-error`)}
                />
                <p id={`${more.at}-help`} className="field-help">
                  {scheduled === undefined
                    ? `Empty sends now. At most ${String(MAX_SCHEDULE_AHEAD_DAYS)} days ahead.`
                    : `${fromNow(Date.parse(scheduled), now)}; at most ${String(MAX_SCHEDULE_AHEAD_DAYS)} days ahead.`}
                </p>
                <FieldError id={`${more.at}-error`} messages={fieldError('scheduleAt')} />
              </div>
              <div className="compose-row">
                <div className="field">
                  <label htmlFor={opts.validity}>Validity (seconds)</label>
                  <input
                    id={opts.validity}
                    inputMode="numeric"
                    value={form.validity}
                    placeholder="86400"
                    onChange={(e) => {
                      update({ validity: e.target.value });
                    }}
                    {...invalidProps('validity', `${opts.validity}-help ${opts.validity}-error`)}
                  />
                  <p id={`${opts.validity}-help`} className="field-help">
                    How long delivery is still worth trying; empty for the platform&apos;s default.
                  </p>
                  <FieldError id={`${opts.validity}-error`} messages={fieldError('validity')} />
                </div>
                {platformId === SMS_PLATFORM ? (
                  <div className="field">
                    <label htmlFor={opts.links}>Short links domain</label>
                    <input
                      id={opts.links}
                      value={form.shortLinksDomain}
                      placeholder="bird.link"
                      onChange={(e) => {
                        update({ shortLinksDomain: e.target.value });
                      }}
                      {...invalidProps(
                        'shortLinksDomain',
                        `${opts.links}-help ${opts.links}-error`,
                      )}
                    />
                    <p id={`${opts.links}-help`} className="field-help">
                      Links in the text are shortened on this domain; empty leaves them as written.
                    </p>
                    <FieldError
                      id={`${opts.links}-error`}
                      messages={fieldError('shortLinksDomain')}
                    />
                  </div>
                ) : null}
              </div>
            </fieldset>
          </>
        ) : null}
      </div>

      {channel ? (
        <aside className="compose-side" aria-label="Previews">
          <MessagePreview form={form} channel={channel} mediaBases={mediaBases} />
          {built ? (
            <RequestPreview request={built.request} url={sendUrl(session, channel.id)} />
          ) : null}
        </aside>
      ) : null}

      <div className="compose-actions">
        <button type="submit" className="button button-primary" disabled={blocked}>
          {phase.kind === 'sending'
            ? 'Sending…'
            : phase.kind === 'checking'
              ? 'Checking…'
              : phase.kind === 'not-found'
                ? 'Send again'
                : 'Send'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setErrors(NO_ERRORS);
            setStartNotes(NOTHING_TO_TELL);
            reset();
            clear(emptyForm({ channelId: form.channelId, country: form.country }));
          }}
        >
          Discard draft
        </button>
        <span className="field-help" role="status">
          {draftState === 'saved'
            ? 'Draft saved in this browser.'
            : draftState === 'restored'
              ? 'Draft restored.'
              : draftState === 'prefilled'
                ? 'Started from an existing message.'
                : draftState === 'unavailable'
                  ? 'This browser does not allow saving drafts.'
                  : ''}
        </span>
      </div>
    </form>
  );
}

/** The shared schema's check, against the browser's clock at the moment of sending. */
function checkNow(request: SendMessageRequestInput, platformId: string) {
  return validateSendBody(request, { platformId, now: Date.now() });
}

function sendUrl(session: ConnectedSessionInfo, channelId: string): string {
  const base =
    session.mode === 'sandbox' ? `${window.location.origin}/sandbox` : 'https://api.bird.com';
  return `${base}/workspaces/${session.workspaceId}/channels/${channelId}/messages`;
}

const COUNTRIES: readonly { code: CountryCode; label: string }[] = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .map((code) => ({
      code,
      label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
})();
