import { useId } from 'react';
import {
  PARAMETER_TYPES,
  type ComposeForm,
  type FieldName,
  type ParameterType,
  type TemplateParameterRow,
} from '../utils/compose-form';
import { FieldError } from './channel-picker';

export interface BodyFieldsProps {
  form: ComposeForm;
  update: (patch: Partial<ComposeForm>) => void;
  fieldError: (name: FieldName) => readonly string[] | undefined;
}

export function TextField(props: {
  label: string;
  value: string;
  name: FieldName;
  help?: string;
  placeholder?: string;
  inputMode?: 'decimal';
  onChange: (value: string) => void;
  fieldError: BodyFieldsProps['fieldError'];
}) {
  const id = useId();
  const errors = props.fieldError(props.name);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        aria-invalid={errors !== undefined || undefined}
        aria-describedby={`${id}-help ${id}-error`}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
      {props.help === undefined ? null : (
        <p id={`${id}-help`} className="field-help">
          {props.help}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** Coordinates (required) and an optional label and address. */
export function LocationFields({ form, update, fieldError }: BodyFieldsProps) {
  return (
    <>
      <div className="compose-row">
        <TextField
          label="Latitude"
          name="latitude"
          value={form.latitude}
          inputMode="decimal"
          help="−90 to 90"
          fieldError={fieldError}
          onChange={(latitude) => {
            update({ latitude });
          }}
        />
        <TextField
          label="Longitude"
          name="longitude"
          value={form.longitude}
          inputMode="decimal"
          help="−180 to 180"
          fieldError={fieldError}
          onChange={(longitude) => {
            update({ longitude });
          }}
        />
      </div>
      <div className="compose-row">
        <TextField
          label="Place label"
          name="locationLabel"
          value={form.locationLabel}
          fieldError={fieldError}
          onChange={(locationLabel) => {
            update({ locationLabel });
          }}
        />
        <TextField
          label="Address"
          name="locationAddress"
          value={form.locationAddress}
          fieldError={fieldError}
          onChange={(locationAddress) => {
            update({ locationAddress });
          }}
        />
      </div>
    </>
  );
}

/** Project, version, locale and a parameters table; parameters left empty are flagged. */
export function TemplateFields({ form, update, fieldError }: BodyFieldsProps) {
  const tableId = useId();
  const rows = form.templateParameters;
  const setRow = (index: number, patch: Partial<TemplateParameterRow>) => {
    update({
      templateParameters: rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    });
  };
  return (
    <>
      <TextField
        label="Template project id"
        name="templateProjectId"
        value={form.templateProjectId}
        help="The UUID of the template project in Bird."
        fieldError={fieldError}
        onChange={(templateProjectId) => {
          update({ templateProjectId });
        }}
      />
      <div className="compose-row">
        <TextField
          label="Version"
          name="templateVersion"
          value={form.templateVersion}
          help='"latest" or a version id'
          fieldError={fieldError}
          onChange={(templateVersion) => {
            update({ templateVersion });
          }}
        />
        <TextField
          label="Locale"
          name="templateLocale"
          value={form.templateLocale}
          help="A language tag such as en or pt-BR"
          fieldError={fieldError}
          onChange={(templateLocale) => {
            update({ templateLocale });
          }}
        />
      </div>
      <table className="compose-params" aria-labelledby={tableId}>
        <caption id={tableId}>Template parameters</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = String(index + 1);
            const empty = row.value.trim() === '';
            return (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Parameter ${n} key`}
                    value={row.key}
                    onChange={(e) => {
                      setRow(index, { key: e.target.value });
                    }}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Parameter ${n} type`}
                    value={row.type}
                    onChange={(e) => {
                      setRow(index, { type: e.target.value as ParameterType });
                    }}
                  >
                    {PARAMETER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {type}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Parameter ${n} value`}
                    value={row.value}
                    aria-invalid={empty || undefined}
                    aria-describedby={empty ? `${tableId}-empty-${n}` : undefined}
                    onChange={(e) => {
                      setRow(index, { value: e.target.value });
                    }}
                  />
                  {empty ? (
                    <p id={`${tableId}-empty-${n}`} className="field-error">
                      Left empty
                    </p>
                  ) : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="button compose-button-small"
                    aria-label={`Remove parameter ${n}`}
                    onClick={() => {
                      update({ templateParameters: rows.filter((_, i) => i !== index) });
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="button compose-button-small"
        onClick={() => {
          update({ templateParameters: [...rows, { key: '', type: 'string', value: '' }] });
        }}
      >
        Add parameter
      </button>
      <FieldError id={`${tableId}-error`} messages={fieldError('templateParameters')} />
    </>
  );
}
