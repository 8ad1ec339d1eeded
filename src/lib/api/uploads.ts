import { mutationOptions } from '@tanstack/react-query';
import type { PresignRequest } from '@/lib/bird/presigned-upload';
import { UPLOAD_FILE_FIELD } from '@/lib/bird/presigned-upload';
import { perchPresignedUploadSchema, type PerchPresignedUpload } from '@/lib/perch/upload';
import { apiClient } from './client';
import { birdKeys } from './bird-keys';
import { NetworkError, apiErrorFromBody, parseRetryAfter } from './errors';
import { presignedUploadPath } from './paths';

/**
 * Uploads (E9 + E10): presign through the `/api` pass-through, then post the form to the
 * same-origin `/upload/…` path Perch's server added to the answer (see lib/perch/upload.ts).
 * The upload goes through XMLHttpRequest because fetch reports no upload progress; it is the
 * only network I/O outside the fetch client, and it too talks only to Perch's own origin.
 */

/** E9; `channelId` `null` presigns through the channel-less alias. */
export function presignUpload(
  workspaceId: string,
  channelId: string | null,
  request: PresignRequest,
  signal?: AbortSignal,
): Promise<PerchPresignedUpload> {
  return apiClient.request(
    presignedUploadPath(workspaceId, channelId),
    perchPresignedUploadSchema,
    {
      method: 'POST',
      body: request,
      signal,
    },
  );
}

export interface UploadProgress {
  /** Bytes of the form sent so far. */
  loaded: number;
  /** Bytes of the whole form, when known. */
  total: number | undefined;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal | undefined;
}

/** The form E10 expects: every `uploadFormData` field in order, then the file, last. */
export function buildUploadForm(presigned: PerchPresignedUpload, file: Blob, filename?: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(presigned.uploadFormData)) form.append(name, value);
  if (filename === undefined) form.append(UPLOAD_FILE_FIELD, file);
  else form.append(UPLOAD_FILE_FIELD, file, filename);
  return form;
}

/** The signal's reason when it is an Error (it normally is), else a plain AbortError. */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('The upload was aborted', 'AbortError');
}

/** S3-style XML errors (`<Code>…</Code><Message>…</Message>`) as a plain object. */
function parseErrorText(text: string, contentType: string): unknown {
  if (contentType.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code !== undefined && message !== undefined ? { code, message } : undefined;
}

/**
 * E10 through Perch: resolves when the upstream accepted the file (204). Rejects with
 * `ApiError` for an error answer (403 expired or bad policy, 400 `EntityTooLarge`, 404
 * unknown upload target...), `NetworkError` when Perch could not be reached, and the
 * signal's reason when cancelled.
 */
export function uploadFile(
  presigned: PerchPresignedUpload,
  file: Blob,
  options: UploadOptions & { filename?: string } = {},
): Promise<void> {
  const { onProgress, signal, filename } = options;
  const path = presigned.perchUploadPath;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => {
      xhr.abort();
    };
    const settle = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };

    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : undefined,
      });
    });
    xhr.addEventListener('load', () => {
      settle(() => {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve();
          return;
        }
        const body = parseErrorText(xhr.responseText, xhr.getResponseHeader('content-type') ?? '');
        const retryAfter = parseRetryAfter(xhr.getResponseHeader('retry-after'));
        reject(apiErrorFromBody(xhr.status, body, path, retryAfter));
      });
    });
    xhr.addEventListener('error', () => {
      settle(() => {
        reject(new NetworkError(path));
      });
    });
    xhr.addEventListener('abort', () => {
      settle(() => {
        reject(abortReason(signal));
      });
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(buildUploadForm(presigned, file, filename));
  });
}

export interface UploadVariables {
  channelId: string;
  file: File;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** Presign for the file's type, then upload it; resolves with the presigned answer. */
export async function presignAndUpload(
  workspaceId: string,
  { channelId, file, onProgress, signal }: UploadVariables,
): Promise<PerchPresignedUpload> {
  const presigned = await presignUpload(
    workspaceId,
    channelId,
    { contentType: file.type === '' ? 'application/octet-stream' : file.type },
    signal,
  );
  await uploadFile(presigned, file, { onProgress, signal, filename: file.name });
  return presigned;
}

export function uploadMutationOptions(workspaceId: string) {
  return mutationOptions({
    mutationKey: [...birdKeys.workspace(workspaceId), 'upload'],
    mutationFn: (variables: UploadVariables) => presignAndUpload(workspaceId, variables),
  });
}
