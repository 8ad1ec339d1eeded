import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { connectMutationOptions } from '@/lib/api/session';
import { validateBirdForm, type BirdFormErrors } from '../utils/bird-form';
import { describeConnectError } from '../utils/connect-error';
import { ConnectProblemAlert } from './connect-problem-alert';

function describedBy(...ids: (string | false)[]): string {
  return ids.filter((id): id is string => id !== false).join(' ');
}

/**
 * Access key and workspace id. The key goes once to Perch's own server, which keeps it in
 * memory; the field is emptied as soon as it has been sent, whatever the answer.
 */
export function BirdConnectForm({ onConnected }: { onConnected: () => void }) {
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    key: `${id}-key`,
    keyHelp: `${id}-key-help`,
    keyError: `${id}-key-error`,
    workspace: `${id}-workspace`,
    workspaceHelp: `${id}-workspace-help`,
    workspaceError: `${id}-workspace-error`,
  };
  const queryClient = useQueryClient();
  const connect = useMutation(connectMutationOptions(queryClient));
  const [accessKey, setAccessKey] = useState('');
  const [workspaceId, setWorkspaceId] = useState('');
  const [errors, setErrors] = useState<BirdFormErrors>({});
  const keyRef = useRef<HTMLInputElement>(null);
  const workspaceRef = useRef<HTMLInputElement>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (connect.isPending) return;
    const result = validateBirdForm({ accessKey, workspaceId });
    if (!result.ok) {
      setErrors(result.errors);
      (result.errors.accessKey === undefined ? workspaceRef : keyRef).current?.focus();
      return;
    }
    setErrors({});
    connect.mutate(result.request, {
      onSuccess: onConnected,
      onError: () => keyRef.current?.focus(),
    });
    setAccessKey('');
  };

  return (
    <section className="connect-card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="connect-card-title">
        Connect to Bird
      </h2>
      <p>
        Work with a real Bird workspace. Perch&apos;s server holds the key in memory for this
        session; this browser only ever sees its last four characters.
      </p>
      <form className="connect-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.key}>Access key</label>
          <input
            ref={keyRef}
            id={ids.key}
            name="accessKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={accessKey}
            onChange={(event) => {
              setAccessKey(event.target.value);
            }}
            aria-invalid={errors.accessKey === undefined ? undefined : true}
            aria-describedby={describedBy(
              ids.keyHelp,
              errors.accessKey !== undefined && ids.keyError,
            )}
          />
          <p id={ids.keyHelp} className="field-help">
            In Bird, open <strong>Settings → Developer → Access keys</strong> and create a key (or
            copy one you have). Its role needs access to Channels.
          </p>
          {errors.accessKey === undefined ? null : (
            <p id={ids.keyError} className="field-error">
              {errors.accessKey}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.workspace}>Workspace id</label>
          <input
            ref={workspaceRef}
            id={ids.workspace}
            name="workspaceId"
            type="text"
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            value={workspaceId}
            onChange={(event) => {
              setWorkspaceId(event.target.value);
            }}
            aria-invalid={errors.workspaceId === undefined ? undefined : true}
            aria-describedby={describedBy(
              ids.workspaceHelp,
              errors.workspaceId !== undefined && ids.workspaceError,
            )}
          />
          <p id={ids.workspaceHelp} className="field-help">
            A UUID. Find it in Bird&apos;s workspace settings, or in the address of any Bird page,
            after <code>/workspaces/</code>.
          </p>
          {errors.workspaceId === undefined ? null : (
            <p id={ids.workspaceError} className="field-error">
              {errors.workspaceId}
            </p>
          )}
        </div>
        <div className="connect-actions">
          <button type="submit" className="button button-primary" disabled={connect.isPending}>
            {connect.isPending ? 'Connecting…' : 'Connect to Bird'}
          </button>
        </div>
      </form>
      {connect.isError ? (
        <ConnectProblemAlert problem={describeConnectError(connect.error, 'bird')} />
      ) : null}
    </section>
  );
}
