import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import {
  formatDetailsPath,
  issuesToDetails,
  mergeDetails,
  parseWithDetails,
} from './validation-details';

describe('formatDetailsPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '.'],
    [['receiver'], '.receiver'],
    [['receiver', 'contacts', 0, 'identifierValue'], '.receiver.contacts[0].identifierValue'],
    [['messageRequests', 3], '.messageRequests[3]'],
    [[0], '.[0]'],
    [['meta', 'email', 'headers', 'X-Campaign'], '.meta.email.headers["X-Campaign"]'],
    [['variables', '1'], '.variables["1"]'],
    [['first name'], '.["first name"]'],
  ])('%j → %s', (path, expected) => {
    expect(formatDetailsPath(path)).toBe(expected);
  });
});

describe('issuesToDetails', () => {
  it('reports each unknown key at its own path', () => {
    const schema = z.strictObject({ body: z.strictObject({ text: z.strictObject({}) }) });
    const result = schema.safeParse({ body: { text: { foo: 1, bar: 2 } }, extra: 1 });
    expect(result.success).toBe(false);
    expect(issuesToDetails(result.error?.issues ?? [])).toEqual({
      '.body.text.foo': ['property "foo" is unsupported'],
      '.body.text.bar': ['property "bar" is unsupported'],
      '.extra': ['property "extra" is unsupported'],
    });
  });

  it('keeps each message once per path', () => {
    const schema = z.object({
      a: z.string().check(
        z.refine(() => false, 'bad'),
        z.refine(() => false, 'bad'),
      ),
    });
    const result = schema.safeParse({ a: 'x' });
    expect(issuesToDetails(result.error?.issues ?? [])).toEqual({ '.a': ['bad'] });
  });
});

describe('parseWithDetails messages are plain English', () => {
  const schema = z.strictObject({
    name: z.string().check(z.minLength(1)),
    code: z.string().check(z.minLength(3), z.maxLength(5)),
    count: z.int().check(z.gte(1), z.lte(9)),
    ratio: z.number().check(z.gt(0), z.lt(1)),
    kind: z.enum(['a', 'b']),
    fixed: z.literal('x'),
    items: z.array(z.string()).check(z.minLength(2), z.maxLength(3)),
    email: z.email(),
    at: z.iso.datetime(),
    url: z.url(),
    even: z.number().check(z.multipleOf(2)),
    flag: z.boolean(),
    obj: z.object({}),
  });

  it('maps each kind of problem to a sentence', () => {
    const result = parseWithDetails(schema, {
      name: '',
      code: 'ab',
      count: 2.5,
      ratio: 1,
      kind: 'c',
      fixed: 'y',
      items: ['one'],
      email: 'nope',
      at: 'yesterday',
      url: 'not a url',
      even: 3,
      flag: 'yes',
      obj: [],
    });
    expect(result).toEqual({
      ok: false,
      details: {
        '.name': ['must not be empty'],
        '.code': ['must be at least 3 characters'],
        '.count': ['must be an integer'],
        '.ratio': ['must be less than 1'],
        '.kind': ['must be one of "a", "b"'],
        '.fixed': ['must be "x"'],
        '.items': ['must have at least 2 items'],
        '.email': ['must be an email address'],
        '.at': ['must be an RFC 3339 date-time'],
        '.url': ['must be a URL'],
        '.even': ['must be a multiple of 2'],
        '.flag': ['must be true or false'],
        '.obj': ['must be an object'],
      },
    });
  });

  it('says "required" for a missing field and names the expected type otherwise', () => {
    const result = parseWithDetails(z.object({ a: z.string(), b: z.number() }), { b: 'x' });
    expect(result).toEqual({
      ok: false,
      details: { '.a': ['required'], '.b': ['must be a number'] },
    });
  });

  it('keeps a message set on the schema itself', () => {
    const result = parseWithDetails(z.string().check(z.regex(/^\d+$/, 'must be digits')), 'x');
    expect(result).toEqual({ ok: false, details: { '.': ['must be digits'] } });
  });
});

describe('mergeDetails', () => {
  it('combines paths and drops duplicate messages', () => {
    expect(mergeDetails({ '.a': ['x'] }, { '.a': ['x', 'y'], '.b': ['z'] })).toEqual({
      '.a': ['x', 'y'],
      '.b': ['z'],
    });
  });
});
