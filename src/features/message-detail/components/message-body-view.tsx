import { Fragment } from 'react';
import { Masked } from '@/components/masked';
import { subjectOf, type Message } from '@/lib/bird/message';
import type { Action, MessageBody } from '@/lib/bird/message-body';
import { usePrivacyMode } from '@/lib/privacy-mode';
import { HtmlEmail } from './html-body';
import { AttachmentList, MediaFile, MediaImage } from './media';
import { SafeLink } from './safe-link';
import { TemplateView } from './template-view';
import { TextWithLinks } from './text-with-links';

interface BodyProps {
  message: Message;
  mediaBases: readonly string[];
}

/** The message's content, rendered for its type (or its template). */
export function MessageContent({ message, mediaBases }: BodyProps) {
  const { privacy } = usePrivacyMode();
  if (privacy) {
    return <p className="md-note">The content is hidden while privacy mode is on.</p>;
  }
  if (message.body !== undefined) {
    return <BodyView message={message} body={message.body} mediaBases={mediaBases} />;
  }
  if (message.template !== undefined) {
    return <TemplateView template={message.template} mediaBases={mediaBases} />;
  }
  return <p className="md-note">This message has neither a body nor a template.</p>;
}

function EmailFacts({ message }: { message: Message }) {
  const subject = subjectOf(message);
  const emailFrom =
    message.body?.type === 'html' ? message.body.html.metadata?.emailFrom : undefined;
  const contacts = message.direction === 'outgoing' ? message.receiver.contacts : [];
  const byType = (type: 'to' | 'cc' | 'bcc') =>
    contacts.filter((contact) => (contact.type ?? 'to') === type).map((c) => c.identifierValue);
  const rows: [string, string[]][] = [
    ['To', byType('to')],
    ['Cc', byType('cc')],
    ['Bcc', byType('bcc')],
  ];
  return (
    <dl className="md-facts md-email-facts">
      <dt>Subject</dt>
      <dd>{subject === undefined || subject === '' ? <em>(no subject)</em> : subject}</dd>
      {emailFrom === undefined ? null : (
        <>
          <dt>From</dt>
          <dd>
            {emailFrom.displayName === '' ? null : <>{emailFrom.displayName} · </>}
            <Masked value={emailFrom.username} kind="identifier" />
          </dd>
        </>
      )}
      {rows
        .filter(([, values]) => values.length > 0)
        .map(([label, values]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>
              {values.map((value, index) => (
                <span key={`${value}-${String(index)}`} className="md-list-item">
                  <Masked value={value} kind="identifier" />
                </span>
              ))}
            </dd>
          </Fragment>
        ))}
    </dl>
  );
}

function ActionList({ actions }: { actions: Action[] | undefined }) {
  if (actions === undefined || actions.length === 0) return null;
  return (
    <ul className="md-actions" aria-label="Buttons">
      {actions.map((action, index) => (
        <li key={`${action.type}-${String(index)}`}>
          {action.type === 'link' ? (
            <>
              Link button: <SafeLink url={action.link.url} text={action.link.text} />
            </>
          ) : action.type === 'reply' ? (
            <>Reply button: {action.reply.text}</>
          ) : (
            <>
              Postback button: {action.postback.text} <code>{action.postback.payload}</code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function OptionalText({ text }: { text: string | undefined }) {
  return text === undefined || text === '' ? null : <TextWithLinks text={text} />;
}

function BodyView({ message, body, mediaBases }: BodyProps & { body: MessageBody }) {
  switch (body.type) {
    case 'text':
      return (
        <div className="md-body" data-body-type="text">
          {body.text.metadata?.subject === undefined ? null : (
            <p className="md-subject">Subject: {body.text.metadata.subject}</p>
          )}
          <TextWithLinks text={body.text.text} />
          <AttachmentList files={body.text.attachments} mediaBases={mediaBases} />
        </div>
      );
    case 'html':
      return (
        <div className="md-body" data-body-type="html">
          <EmailFacts message={message} />
          <HtmlEmail payload={body.html} />
          <AttachmentList files={body.html.attachments} mediaBases={mediaBases} />
        </div>
      );
    case 'image':
      return (
        <div className="md-body" data-body-type="image">
          <div className="md-gallery">
            {body.image.images.map((image, index) => (
              <MediaImage
                key={`${image.mediaUrl}-${String(index)}`}
                url={image.mediaUrl}
                alt={image.altText ?? ''}
                label={`Image ${String(index + 1)} of ${String(body.image.images.length)}`}
                mediaBases={mediaBases}
              />
            ))}
          </div>
          <OptionalText text={body.image.text} />
        </div>
      );
    case 'file':
      return (
        <div className="md-body" data-body-type="file">
          <ul className="md-files" aria-label="Files">
            {body.file.files.map((file, index) => (
              <MediaFile
                key={`${file.mediaUrl}-${String(index)}`}
                url={file.mediaUrl}
                filename={file.filename}
                contentType={file.contentType}
                mediaBases={mediaBases}
              />
            ))}
          </ul>
          <OptionalText text={body.file.text} />
        </div>
      );
    case 'gif':
      return (
        <div className="md-body" data-body-type="gif">
          <MediaImage
            url={body.gif.mediaUrl}
            alt={body.gif.altText ?? ''}
            label="GIF"
            mediaBases={mediaBases}
          />
          <OptionalText text={body.gif.text} />
        </div>
      );
    case 'location': {
      const { latitude, longitude } = body.location.coordinates;
      const map = `https://www.openstreetmap.org/?mlat=${encodeURIComponent(String(latitude))}&mlon=${encodeURIComponent(String(longitude))}#map=16/${String(latitude)}/${String(longitude)}`;
      return (
        <div className="md-body" data-body-type="location">
          <dl className="md-facts">
            {body.location.location === undefined ? null : (
              <>
                <dt>Label</dt>
                <dd>{body.location.location.label}</dd>
                <dt>Address</dt>
                <dd>{body.location.location.address}</dd>
              </>
            )}
            <dt>Coordinates</dt>
            <dd>
              {latitude}, {longitude}
            </dd>
          </dl>
          <a href={map} target="_blank" rel="noopener noreferrer">
            Open in OpenStreetMap
          </a>
        </div>
      );
    }
    case 'carousel':
      return (
        <div className="md-body" data-body-type="carousel">
          <OptionalText text={body.carousel.text} />
          <ol className="md-cards" aria-label="Carousel items">
            {body.carousel.items.map((item, index) => (
              <li key={`${item.title}-${String(index)}`} className="md-card">
                <h3 className="md-card-title">{item.title}</h3>
                {item.mediaUrl === undefined ? null : (
                  <MediaImage
                    url={item.mediaUrl}
                    alt=""
                    label={`Image of item ${String(index + 1)}`}
                    mediaBases={mediaBases}
                  />
                )}
                {item.description === undefined ? null : <p>{item.description}</p>}
                <ActionList actions={item.actions} />
              </li>
            ))}
          </ol>
        </div>
      );
    case 'list':
      return (
        <div className="md-body" data-body-type="list">
          {body.list.title === undefined ? null : <p className="md-subject">{body.list.title}</p>}
          <TextWithLinks text={body.list.text} />
          <ol className="md-cards" aria-label="List items">
            {body.list.items.map((item, index) => (
              <li key={`${item.title}-${String(index)}`} className="md-card">
                <h3 className="md-card-title">{item.title}</h3>
                {item.description === undefined ? null : <p>{item.description}</p>}
                <ActionList actions={item.actions} />
              </li>
            ))}
          </ol>
        </div>
      );
  }
}
