import { describe, expect, it } from 'vitest';
import { MAX_DISPLAY_NAME_LENGTH, UNNAMED_FILE, safeDisplayName } from './display-name';

describe('safeDisplayName', () => {
  it('leaves an ordinary name alone', () => {
    expect(safeDisplayName('Holiday photo (1).jpg')).toEqual({
      name: 'Holiday photo (1).jpg',
      changed: false,
    });
    expect(safeDisplayName('日本語のファイル.pdf').name).toBe('日本語のファイル.pdf');
  });

  it('drops any path, with either separator', () => {
    expect(safeDisplayName('../../etc/passwd')).toEqual({ name: 'passwd', changed: true });
    expect(safeDisplayName('C:\\Users\\me\\photo.png').name).toBe('photo.png');
    expect(safeDisplayName('/absolute/path/report.pdf').name).toBe('report.pdf');
    expect(safeDisplayName('a/b\\..\\c.txt').name).toBe('c.txt');
  });

  it('never shows a dot directory or an empty name', () => {
    expect(safeDisplayName('..')).toEqual({ name: UNNAMED_FILE, changed: true });
    expect(safeDisplayName('.')).toEqual({ name: UNNAMED_FILE, changed: true });
    expect(safeDisplayName('uploads/..').name).toBe(UNNAMED_FILE);
    expect(safeDisplayName('dir/').name).toBe(UNNAMED_FILE);
    expect(safeDisplayName('').name).toBe(UNNAMED_FILE);
    expect(safeDisplayName('  \u0000 ').name).toBe(UNNAMED_FILE);
  });

  it('keeps dots that are part of a name', () => {
    expect(safeDisplayName('..hidden.png').name).toBe('..hidden.png');
    expect(safeDisplayName('a..b.png').name).toBe('a..b.png');
  });

  it('removes control characters, including NUL, CR, LF, DEL and C1', () => {
    expect(safeDisplayName('bad\u0000name\r\n.png').name).toBe('badname.png');
    expect(safeDisplayName('x\u007f\u0085\u009by.txt').name).toBe('xy.txt');
    expect(safeDisplayName('tab\there.txt').name).toBe('tabhere.txt');
  });

  it('removes bidi overrides, isolates, marks and zero-width characters', () => {
    // "invoice<RLO>gpj.exe" displays as "invoiceexe.jpg" but is an .exe.
    expect(safeDisplayName('invoice\u202egpj.exe')).toEqual({
      name: 'invoicegpj.exe',
      changed: true,
    });
    expect(safeDisplayName('a\u2066b\u2069c\u200ed\u200bf\ufeff.txt').name).toBe('abcdf.txt');
    expect(safeDisplayName('line\u2028break.txt').name).toBe('linebreak.txt');
  });

  it('collapses runs of white space and trims', () => {
    expect(safeDisplayName('  two   spaces .png ').name).toBe('two spaces .png');
  });

  it('shortens long names to at most 80 characters, keeping the extension', () => {
    const long = `${'a'.repeat(296)}.png`;
    const { name, changed } = safeDisplayName(long);
    expect(changed).toBe(true);
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(name).toMatch(/^a+….png$/);
  });

  it('shortens by characters, never splitting a surrogate pair', () => {
    const name = safeDisplayName('😀'.repeat(300)).name;
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(name.endsWith('😀…')).toBe(true);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/u);
  });

  it('does not keep an absurdly long "extension"', () => {
    const name = safeDisplayName(`x.${'y'.repeat(200)}`).name;
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
  });
});
