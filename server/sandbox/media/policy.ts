import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '../../../src/lib/zod';
import {
  UPLOAD_FILE_FIELD,
  uploadPolicySchema,
  type UploadFormData,
  type UploadPolicy,
} from '../../../src/lib/bird/presigned-upload';
import { accessDenied, malformedForm } from './upload-errors';

/**
 * The upload policy of a PresignedUpload (E9) and its check on upload (E10), the way S3's
 * browser-based POST uploads work with Signature Version 4: the policy is base64 JSON, and the
 * signature is an HMAC-SHA256 of that base64 text with a key derived from the sandbox's secret,
 * the date, the region and the service.
 */

export const UPLOAD_ALGORITHM = 'AWS4-HMAC-SHA256';
/** The public half of the sandbox's upload credential (the secret never leaves the server). */
export const UPLOAD_ACCESS_KEY_ID = 'PERCHSANDBOXMEDIA';
export const UPLOAD_REGION = 'sandbox';
const UPLOAD_SERVICE = 's3';
const CREDENTIAL_TERMINATOR = 'aws4_request';

export interface UploadGrant {
  /** The path segment of the upload URL this policy is valid for. */
  bucket: string;
  key: string;
  contentType: string;
  issuedAt: number;
  expiresAt: number;
  minBytes: number;
  maxBytes: number;
}

/** `20261127T120000Z`, the `x-amz-date` form of an instant. */
export function amzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** SigV4's signing key: the secret narrowed to one day, region and service. */
function signingKey(secret: string, day: string, region: string): Buffer {
  const dateKey = hmac(`AWS4${secret}`, day);
  return hmac(hmac(hmac(dateKey, region), UPLOAD_SERVICE), CREDENTIAL_TERMINATOR);
}

function sign(secret: string, day: string, region: string, policy: string): string {
  return hmac(signingKey(secret, day, region), policy).toString('hex');
}

export function signUploadForm(secret: string, grant: UploadGrant): UploadFormData {
  const date = amzDate(grant.issuedAt);
  const day = date.slice(0, 8);
  const credential = [
    UPLOAD_ACCESS_KEY_ID,
    day,
    UPLOAD_REGION,
    UPLOAD_SERVICE,
    CREDENTIAL_TERMINATOR,
  ].join('/');
  const document = {
    expiration: new Date(grant.expiresAt).toISOString(),
    conditions: [
      { bucket: grant.bucket },
      { key: grant.key },
      { 'Content-Type': grant.contentType },
      ['content-length-range', grant.minBytes, grant.maxBytes],
      { 'x-amz-algorithm': UPLOAD_ALGORITHM },
      { 'x-amz-credential': credential },
      { 'x-amz-date': date },
    ],
  };
  const policy = Buffer.from(JSON.stringify(document), 'utf8').toString('base64');
  return {
    key: grant.key,
    'Content-Type': grant.contentType,
    policy,
    'x-amz-algorithm': UPLOAD_ALGORITHM,
    'x-amz-credential': credential,
    'x-amz-date': date,
    'x-amz-signature': sign(secret, day, UPLOAD_REGION, policy),
  };
}

/** The conditions the sandbox understands; any other makes the policy invalid. */
const arrayConditionSchema = z.union([
  z.tuple([z.enum(['eq', 'starts-with']), z.string().check(z.startsWith('$')), z.string()]),
  z.tuple([
    z.literal('content-length-range'),
    z.int().check(z.nonnegative()),
    z.int().check(z.nonnegative()),
  ]),
]);
type Condition = Record<string, string> | z.infer<typeof arrayConditionSchema>;

/** Form fields that are never named in a policy (S3's rule, `x-ignore-*` included). */
const fieldsOutsidePolicy = new Set(['policy', 'x-amz-signature', UPLOAD_FILE_FIELD]);

export interface VerifiedUpload {
  key: string;
  contentType: string;
  /** The policy's `content-length-range`, when it has one. */
  lengthRange: { min: number; max: number } | undefined;
}

/** What S3 insists on seeing (before the file): without them, 400 rather than 403. */
const REQUIRED_FIELDS = [
  'key',
  'policy',
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-signature',
] as const;

const credentialPattern = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/([^/]+)$/;

function signatureMatches(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  // Both are 64 hex characters when honest; a wrong length is simply a mismatch.
  return a.length === b.length && timingSafeEqual(a, b);
}

function decodePolicy(policy: string): { expiration: number; conditions: Condition[] } {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    throw accessDenied('Invalid Policy: the policy is not base64-encoded JSON');
  }
  const invalid = (): never => {
    throw accessDenied('Invalid Policy: the policy document is malformed');
  };
  const parsed = uploadPolicySchema.safeParse(json);
  if (!parsed.success) return invalid();
  const document: UploadPolicy = parsed.data;
  const expiration = Date.parse(document.expiration);
  if (Number.isNaN(expiration)) return invalid();
  const conditions = document.conditions.map((condition): Condition => {
    if (!Array.isArray(condition)) {
      return Object.keys(condition).length === 1 ? condition : invalid();
    }
    const known = arrayConditionSchema.safeParse(condition);
    return known.success ? known.data : invalid();
  });
  return { expiration, conditions };
}

/**
 * Checks a submitted upload form (field names lower-cased) against its policy and signature:
 * algorithm, credential, signature (constant time), expiry, every condition, and no field the
 * policy does not name. Throws 400 when a field it needs is missing (e.g. sent after the
 * file) and a 403 `AccessDenied` error on any other failure.
 */
export function verifyUploadForm(
  secret: string,
  bucket: string,
  fields: ReadonlyMap<string, string>,
  now: number,
): VerifiedUpload {
  const field = (name: string): string | undefined => fields.get(name);
  const missing = REQUIRED_FIELDS.filter((name) => !fields.has(name));
  if (missing.length > 0) {
    throw malformedForm(
      `The form has no ${missing.join(', ')} before the file: send every uploadFormData field, then the file last`,
    );
  }
  const policy = field('policy') ?? '';
  const signature = field('x-amz-signature') ?? '';
  const credential = field('x-amz-credential') ?? '';
  const date = field('x-amz-date') ?? '';
  if (field('x-amz-algorithm') !== UPLOAD_ALGORITHM) {
    throw accessDenied(`Only ${UPLOAD_ALGORITHM} signatures are accepted`);
  }
  const parts = credentialPattern.exec(credential);
  if (
    parts === null ||
    parts[1] !== UPLOAD_ACCESS_KEY_ID ||
    parts[2] !== date.slice(0, 8) ||
    parts[4] !== UPLOAD_SERVICE ||
    parts[5] !== CREDENTIAL_TERMINATOR
  ) {
    throw accessDenied('The x-amz-credential is not valid for this upload URL');
  }
  const [, , day = '', region = ''] = parts;
  if (!signatureMatches(sign(secret, day, region, policy), signature)) {
    throw accessDenied(
      'The request signature we calculated does not match the signature you provided',
    );
  }

  const document = decodePolicy(policy);
  if (now >= document.expiration) {
    throw accessDenied('Invalid according to Policy: Policy expired');
  }
  const named = new Set<string>();
  let lengthRange: VerifiedUpload['lengthRange'];
  const failed = (condition: unknown): never => {
    throw accessDenied(
      `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`,
    );
  };
  for (const condition of document.conditions) {
    if (!Array.isArray(condition)) {
      const [name, expected] = Object.entries(condition)[0] ?? ['', ''];
      const lower = name.toLowerCase();
      named.add(lower);
      const actual = lower === 'bucket' ? bucket : field(lower);
      if (actual !== expected) failed(condition);
    } else if (condition[0] === 'content-length-range') {
      lengthRange = { min: condition[1], max: condition[2] };
    } else {
      const lower = condition[1].slice(1).toLowerCase();
      named.add(lower);
      const actual = lower === 'bucket' ? bucket : field(lower);
      const ok =
        actual !== undefined &&
        (condition[0] === 'eq' ? actual === condition[2] : actual.startsWith(condition[2]));
      if (!ok) failed(condition);
    }
  }
  const extra = [...fields.keys()].filter(
    (name) => !named.has(name) && !fieldsOutsidePolicy.has(name) && !name.startsWith('x-ignore-'),
  );
  if (extra.length > 0) {
    throw accessDenied(`Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
  }
  const key = field('key') ?? '';
  const contentType = field('content-type');
  if (contentType === undefined || !named.has('key') || !named.has('content-type')) {
    throw accessDenied(
      'Invalid according to Policy: the policy must name the key and Content-Type',
    );
  }
  return { key, contentType, lengthRange };
}
