import { describe, expect, it } from 'vitest';
import {
  capModelText,
  capText,
  codePointLength,
  hostHint,
  isolateText,
  MODEL_TEXT_CAPS,
  modelString,
  stripBidiControls,
} from './model-text.ts';

describe('capText', () => {
  it('returns a text within the cap unchanged', () => {
    expect(capText('Einkommen', 120)).toEqual({ text: 'Einkommen', shortened: false, shown: 9, total: 9 });
    expect(capText('x'.repeat(120), 120).shortened).toBe(false);
  });

  it('cuts a longer text at the end of a word, with an ellipsis, and counts both lengths', () => {
    expect(capText('Einkommen unter der Grenze', 15)).toEqual({
      text: 'Einkommen unter…',
      shortened: true,
      shown: 15,
      total: 26,
    });
    expect(capText('Einkommen unterhalb der Grenze', 15)).toEqual({
      text: 'Einkommen…',
      shortened: true,
      shown: 9,
      total: 30,
    });
  });

  it('cuts a text without spaces at the cap', () => {
    const capped = capText('a'.repeat(2_000_000), 2_000);
    expect(capped).toEqual({
      text: `${'a'.repeat(2_000)}…`,
      shortened: true,
      shown: 2_000,
      total: 2_000_000,
    });
  });

  it('never splits an emoji, a surrogate pair or a letter with its accents', () => {
    const family = '👨‍👩‍👧';
    const capped = capText(`${'a'.repeat(9)}${family}${'b'.repeat(20)}`, 11);
    expect(capped.text).toBe(`${'a'.repeat(9)}…`);
    const accents = capText(`${'a'.repeat(9)}e\u0301\u0301bbbb`, 11);
    expect(accents.text).toBe(`${'a'.repeat(9)}…`);
    const astral = capText('𝒜'.repeat(50), 10);
    expect(astral.text).toBe(`${'𝒜'.repeat(10)}…`);
    expect(astral).toMatchObject({ shown: 10, total: 50 });
    expect(astral.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('cuts inside a single grapheme that is longer than the cap rather than showing all of it', () => {
    const zalgo = `e${'\u0301'.repeat(5_000)}`;
    const capped = capText(zalgo, 100);
    expect(capped.shortened).toBe(true);
    expect(capped.shown).toBe(100);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => capText('x', 0)).toThrow('capText: max must be a positive integer, got 0.');
    expect(() => capText('x', Number.NaN)).toThrow(/got NaN/);
  });

  it('caps by kind', () => {
    expect(MODEL_TEXT_CAPS).toMatchObject({ summary: 2_000, label: 120, text: 500 });
    expect(capModelText('y'.repeat(600), 'text').shown).toBe(500);
    expect(codePointLength('a😀b')).toBe(3);
  });
});

describe('bidi', () => {
  it('removes every bidi control character', () => {
    const controls = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(stripBidiControls(`a${controls}b`)).toBe('ab');
  });

  it('leaves left-to-right text unchanged and isolates right-to-left text', () => {
    expect(isolateText('Approve')).toBe('Approve');
    expect(isolateText('Approve\u202E')).toBe('Approve');
    expect(isolateText('موافقة')).toBe('\u2068موافقة\u2069');
    // A pop directional isolate in the text cannot close our isolate early.
    expect(isolateText('א\u2069\u202Eb')).toBe('\u2068אb\u2069');
  });

  it('caps and isolates model text for strings', () => {
    expect(modelString('x'.repeat(2_000_000), 'label')).toBe(`${'x'.repeat(120)}…`);
  });

  it('shows the parsed host without bidi controls', () => {
    expect(hostHint('https://www.gesetze-im-internet.de/wogg/__7.html')).toBe('www.gesetze-im-internet.de');
    expect(hostHint('https://evil.example:8443/x')).toBe('evil.example:8443');
    expect(hostHint('https://bücher.example/')).toBe('xn--bcher-kva.example');
    expect(hostHint('not a url')).toBe('');
  });
});
