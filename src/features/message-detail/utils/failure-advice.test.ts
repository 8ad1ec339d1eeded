import { describe, expect, it } from 'vitest';
import { explainFailure } from './failure-advice';
import { testMessage } from './test-message';

const base = testMessage();

describe('explainFailure', () => {
  it('has nothing to explain for a delivered message', () => {
    expect(explainFailure(base)).toBeNull();
  });

  it('explains an unknown subscriber in layers', () => {
    const explanation = explainFailure({
      ...base,
      status: 'delivery_failed',
      reason: 'The recipient is not a known subscriber',
      details: 'unknown_subscriber',
      failure: {
        code: 15005,
        description: 'Unknown subscriber',
        source: { name: 'sms-messagebird', code: 'unknown_subscriber' },
      },
    });
    expect(explanation?.what).toMatch(/could not deliver/);
    expect(explanation?.where).toBe('At the platform: SMS (unknown_subscriber)');
    expect(explanation?.why).toEqual({
      code: 15005,
      description: 'Unknown subscriber',
      reason: 'The recipient is not a known subscriber',
      details: 'unknown_subscriber',
    });
    expect(explanation?.advice[0]).toMatch(/not \(or no longer\) in service/);
  });

  it.each([
    ['bounceHard', undefined, /refused the address for good/],
    ['bounceSoft', undefined, /later usually works/],
    ['policyRejection', undefined, /SPF, DKIM and DMARC/],
    ['', 12003, /cannot reach that destination/],
    ['', 11002, /invalid for this channel/],
    ['', 14001, /account's side/],
  ] as const)('advises on %s %s', (details, code, advice) => {
    const explanation = explainFailure({
      ...base,
      status: 'sending_failed',
      details,
      ...(code === undefined
        ? {}
        : { failure: { code, description: 'x', source: { name: 'touchpoint' } } }),
    });
    expect(explanation?.advice.join(' ')).toMatch(advice);
  });

  it('names a processing step as the place', () => {
    const explanation = explainFailure({
      ...base,
      status: 'sending_failed',
      failure: {
        code: 12003,
        description: 'Unsupported destination',
        source: { name: 'touchpoint' },
      },
    });
    expect(explanation?.where).toBe('While choosing a route to the destination');
  });
});
