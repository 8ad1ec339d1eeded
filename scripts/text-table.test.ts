import { expect, it } from 'vitest';
import { textTable } from './text-table';

it('pads each column to its widest cell, two spaces apart, without trailing spaces', () => {
  expect(
    textTable([
      ['figure', 'value', ''],
      ['a long figure', '1', 'ok'],
      ['b', '12345', ''],
    ]),
  ).toBe(['figure         value', 'a long figure  1      ok', 'b              12345'].join('\n'));
});

it('prints nothing for no rows', () => {
  expect(textTable([])).toBe('');
});
