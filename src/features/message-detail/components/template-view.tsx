import type { z } from '@/lib/zod';
import type { templateResponseSchema } from '@/lib/bird/template';
import { AttachmentList } from './media';

type TemplateRead = z.infer<typeof templateResponseSchema>;

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A message sent from a template: which one, and the values it was filled with. */
export function TemplateView({
  template,
  mediaBases,
}: {
  template: TemplateRead;
  mediaBases: readonly string[];
}) {
  const parameters = template.parameters ?? [];
  const variables = Object.entries(template.variables ?? {});
  return (
    <div className="md-body" data-body-type="template">
      <dl className="md-facts">
        <dt>Template project</dt>
        <dd>
          <code>{template.projectId}</code>
        </dd>
        <dt>Version</dt>
        <dd>
          <code>{template.version}</code>
        </dd>
        <dt>Locale</dt>
        <dd>{template.locale}</dd>
      </dl>
      {parameters.length === 0 ? (
        <p className="md-note">No parameters.</p>
      ) : (
        <table className="md-table">
          <caption>Template parameters</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((parameter, index) => (
              <tr key={`${parameter.key}-${String(index)}`}>
                <td>
                  <code>{parameter.key}</code>
                </td>
                <td>{parameter.type}</td>
                <td className="md-cell-wrap">{valueText(parameter.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {variables.length === 0 ? null : (
        <table className="md-table">
          <caption>Template variables</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {variables.map(([name, value]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td className="md-cell-wrap">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AttachmentList files={template.attachments} mediaBases={mediaBases} />
    </div>
  );
}
