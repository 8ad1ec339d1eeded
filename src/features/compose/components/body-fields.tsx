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

/** The form's fields that hold text, which TextField and TextArea edit. */
type TextFieldName = {
  [K in FieldName]: ComposeForm[K] extends string ? K : never;
}[FieldName];

interface BoundFieldProps extends BodyFieldsProps {
  label: string;
  name: TextFieldName;
  /** What typing changes in the form; by default, the field alone. */
  changes?: (value: string) => Partial<ComposeForm>;
}

/** A form field's id, value, errors and change handler, read from and written to the form. */
function useBoundField({ form, update, fieldError, name, changes }: BoundFieldProps) {
  return {
    id: useId(),
    value: form[name],
    errors: fieldError(name),
    onChange: (value: string) => {
      update(changes?.(value) ?? { [name]: value });
    },
  };
}

export function TextField(
  props: BoundFieldProps & { help?: string; placeholder?: string; inputMode?: 'decimal' },
) {
  const { id, value, errors, onChange } = useBoundField(props);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        aria-invalid={errors !== undefined || undefined}
        aria-describedby={`${id}-help ${id}-error`}
        onChange={(e) => {
          onChange(e.target.value);
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

export function TextArea(props: BoundFieldProps & { rows: number }) {
  const { id, value, errors, onChange } = useBoundField(props);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows}
        value={value}
        aria-invalid={errors !== undefined || undefined}
        aria-describedby={`${id}-error`}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** Coordinates (required) and an optional label and address. */
export function LocationFields(fields: BodyFieldsProps) {
  return (
    <>
      <div className="compose-row">
        <TextField
          {...fields}
          label="Latitude"
          name="latitude"
          inputMode="decimal"
          help="−90 to 90"
        />
        <TextField
          {...fields}
          label="Longitude"
          name="longitude"
          inputMode="decimal"
          help="−180 to 180"
        />
      </div>
      <div className="compose-row">
        <TextField {...fields} label="Place label" name="locationLabel" />
        <TextField {...fields} label="Address" name="locationAddress" />
      </div>
    </>
  );
}

/** Project, version, locale and a parameters table; parameters left empty are flagged. */
export function TemplateFields(fields: BodyFieldsProps) {
  const { form, update, fieldError } = fields;
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
        {...fields}
        label="Template project id"
        name="templateProjectId"
        help="The UUID of the template project in Bird."
      />
      <div className="compose-row">
        <TextField
          {...fields}
          label="Version"
          name="templateVersion"
          help='"latest" or a version id'
        />
        <TextField
          {...fields}
          label="Locale"
          name="templateLocale"
          help="A language tag such as en or pt-BR"
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
