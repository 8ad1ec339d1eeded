import { createSessionRequestSchema, type CreateSessionRequest } from '@/lib/perch/session';

export interface BirdFormValues {
  accessKey: string;
  workspaceId: string;
}

export type BirdFormErrors = Partial<Record<keyof BirdFormValues, string>>;

export type BirdFormResult =
  { ok: true; request: CreateSessionRequest } | { ok: false; errors: BirdFormErrors };

/** Checks the Connect to Bird form with the same schema the server applies. */
export function validateBirdForm(values: BirdFormValues): BirdFormResult {
  const parsed = createSessionRequestSchema.safeParse({
    mode: 'bird',
    accessKey: values.accessKey,
    workspaceId: values.workspaceId.trim(),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors: BirdFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'accessKey' || field === 'workspaceId') && errors[field] === undefined) {
      errors[field] = issue.message;
    }
  }
  return { ok: false, errors };
}
