import { describe, expect, it } from 'vitest';
import { addRecipients, parseRecipient, splitRecipients } from './recipients';

describe('splitRecipients', () => {
  it('splits phone lists on commas, semicolons and new lines, keeping spaces inside numbers', () => {
    expect(splitRecipients('+31 6 1234 5678, 0612345679\n+44 7700 900123;', 'phone')).toEqual([
      '+31 6 1234 5678',
      '0612345679',
      '+44 7700 900123',
    ]);
  });

  it('splits email lists on spaces too', () => {
    expect(splitRecipients('a@example.com b@example.com,\nc@example.com', 'email')).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });
});

describe('parseRecipient', () => {
  it('normalises local and international phone formats to E.164 with the default country', () => {
    expect(parseRecipient('06 1234 5678', 'sms-messagebird', 'NL')).toMatchObject({
      value: '+31612345678',
      problem: undefined,
    });
    expect(parseRecipient('(020) 7946 0958', 'whatsapp', 'GB')).toMatchObject({
      value: '+442079460958',
      problem: undefined,
    });
    expect(parseRecipient('+1 (415) 555-2671', 'sms-messagebird', 'NL').value).toBe('+14155552671');
  });

  it('marks what is not a phone number, with the reason', () => {
    expect(parseRecipient('hello', 'sms-messagebird', 'NL').problem).toBe('not a phone number');
    expect(parseRecipient('+31 6 12', 'sms-messagebird', 'NL').problem).toMatch(/too short/);
  });

  it('notes sandbox magic numbers', () => {
    expect(parseRecipient('+31612349990', 'sms-messagebird', 'NL').note).toMatch(
      /unknown subscriber/,
    );
  });

  it('checks email addresses with the shared rule', () => {
    expect(parseRecipient('<Ann@Example.com>', 'email-messagebird', 'NL')).toMatchObject({
      value: 'Ann@Example.com',
      problem: undefined,
    });
    expect(parseRecipient('ann@', 'email-messagebird', 'NL').problem).toBe(
      'must be an email address',
    );
    expect(parseRecipient('bounce@example.com', 'email-messagebird', 'NL').note).toMatch(/bounce/);
  });
});

describe('addRecipients', () => {
  it('leaves out duplicates', () => {
    expect(addRecipients(['a@x.io'], 'a@x.io, b@x.io b@x.io', 'email')).toEqual([
      'a@x.io',
      'b@x.io',
    ]);
  });
});
