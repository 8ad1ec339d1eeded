import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PerchPresignedUpload } from '@/lib/perch/upload';
import { ApiError, NetworkError } from './errors';
import { buildUploadForm, presignAndUpload, uploadFile, type UploadProgress } from './uploads';

const ws = '0b6d71fc-0000-4000-8000-000000000001';
const ch = '0b6d71fc-0000-4000-8000-00000000000c';

const presigned: PerchPresignedUpload = {
  mediaUrl: `https://media.api.bird.com/workspaces/${ws}/channels/${ch}/media/m1`,
  uploadUrl: 'https://upload.bird.example/bucket',
  uploadMethod: 'POST',
  uploadFormData: {
    key: 'k/m1',
    'Content-Type': 'image/png',
    policy: 'cG9saWN5',
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    'x-amz-credential': 'cred',
    'x-amz-date': '20261127T150405Z',
    'x-amz-signature': 'sig',
  },
  perchUploadPath: '/upload/abcdefghijklmnopqrstuv',
};

/** Just enough of XMLHttpRequest for the upload: events, headers, a scripted answer. */
class FakeXhr {
  static instances: FakeXhr[] = [];
  readonly upload = new EventTarget();
  private readonly events = new EventTarget();
  method = '';
  url = '';
  body: unknown;
  status = 0;
  responseText = '';
  requestHeaders: Record<string, string> = {};
  responseHeaders: Record<string, string> = {};

  constructor() {
    FakeXhr.instances.push(this);
  }
  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name.toLowerCase()] = value;
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.events.dispatchEvent(new Event('abort'));
  }
  progress(loaded: number, total: number) {
    this.upload.dispatchEvent(
      Object.assign(new Event('progress'), { loaded, total, lengthComputable: true }),
    );
  }
  respond(status: number, text = '', headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = text;
    this.responseHeaders = headers;
    this.events.dispatchEvent(new Event('load'));
  }
  fail() {
    this.events.dispatchEvent(new Event('error'));
  }
}

function lastXhr(): FakeXhr {
  const xhr = FakeXhr.instances.at(-1);
  if (!xhr) throw new Error('no request was made');
  return xhr;
}

beforeEach(() => {
  FakeXhr.instances = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('buildUploadForm', () => {
  it('puts every form field first, in order, and the file last', () => {
    const form = buildUploadForm(presigned, new Blob(['png']), 'a.png');
    expect([...form.keys()]).toEqual([...Object.keys(presigned.uploadFormData), 'file']);
    const file = form.get('file');
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe('a.png');
  });
});

describe('uploadFile', () => {
  it('posts the form to the same-origin upload path and reports progress', async () => {
    const seen: UploadProgress[] = [];
    const pending = uploadFile(presigned, new Blob(['png']), {
      onProgress: (p) => seen.push(p),
    });
    const xhr = lastXhr();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/upload/abcdefghijklmnopqrstuv');
    expect(xhr.body).toBeInstanceOf(FormData);
    xhr.progress(1, 3);
    xhr.progress(3, 3);
    xhr.respond(204);
    await expect(pending).resolves.toBeUndefined();
    expect(seen).toEqual([
      { loaded: 1, total: 3 },
      { loaded: 3, total: 3 },
    ]);
  });

  it('rejects with ApiError from a JSON error body', async () => {
    const pending = uploadFile(presigned, new Blob(['x']));
    lastXhr().respond(
      400,
      JSON.stringify({ code: 'EntityTooLarge', message: 'Your proposed upload exceeds ...' }),
      { 'content-type': 'application/json' },
    );
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'EntityTooLarge',
      path: presigned.perchUploadPath,
    });
  });

  it('reads an S3-style XML error', async () => {
    const pending = uploadFile(presigned, new Blob(['x']));
    lastXhr().respond(
      403,
      '<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>',
      { 'content-type': 'application/xml' },
    );
    await expect(pending).rejects.toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Policy expired',
    });
  });

  it('rejects with NetworkError when the request fails', async () => {
    const pending = uploadFile(presigned, new Blob(['x']));
    lastXhr().fail();
    await expect(pending).rejects.toBeInstanceOf(NetworkError);
  });

  it('cancels through the AbortSignal', async () => {
    const controller = new AbortController();
    const pending = uploadFile(presigned, new Blob(['x']), { signal: controller.signal });
    const reason = new DOMException('stop', 'AbortError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('does not start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      uploadFile(presigned, new Blob(['x']), { signal: controller.signal }),
    ).rejects.toBe(controller.signal.reason);
    expect(FakeXhr.instances).toHaveLength(0);
  });
});

describe('presignAndUpload', () => {
  it("presigns for the file's type through /api, then uploads", async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(presigned), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const file = new File(['png'], 'photo.png', { type: 'image/png' });
    const pending = presignAndUpload(ws, { channelId: ch, file });
    await vi.waitFor(() => {
      expect(FakeXhr.instances).toHaveLength(1);
    });
    lastXhr().respond(204);
    await expect(pending).resolves.toEqual(presigned);
    const [url, init] = (fetchMock.mock.calls[0] ?? []) as unknown as [string, RequestInit];
    expect(url).toBe(`/api/workspaces/${ws}/channels/${ch}/presigned-upload`);
    expect(init.body).toBe('{"contentType":"image/png"}');
  });
});
