/** Embedding manifest strings in generated code. */
import { describe, expect, it } from 'vitest';
import { commentText, escapeGeneratedSource, jsDoc, jsLiteral } from '../../generator/emit/shared/safe-code.js';

const EVIL = 'a */ b `c` ${d} \u2028e\u2029 </script> "q" \'s\' \\';

describe('safe-code', () => {
  it('jsLiteral round-trips any JSON value and leaves no line separator or </', () => {
    const value = { [EVIL]: [EVIL, 1, null, { __proto__x: EVIL }], k: EVIL };
    const code = jsLiteral(value);
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(code).not.toContain('</');
    expect(new Function(`return (${code});`)()).toEqual(value);
  });

  it('jsLiteral keeps "__proto__" keys as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": 1}}') as Record<string, unknown>;
    const evaluated = new Function(`return (${jsLiteral(value)});`)() as Record<string, unknown>;
    expect(Object.keys(evaluated)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
    expect(JSON.stringify(evaluated)).toBe(JSON.stringify(value));
  });

  it('comment text cannot close its comment or carry line separators', () => {
    const doc = jsDoc(EVIL);
    expect(doc.slice(3, -4)).not.toContain('*/');
    expect(commentText(EVIL)).not.toMatch(/[\u2028\u2029]/);
    expect(() => new Function(`${doc}return 1;`)).not.toThrow();
  });

  it('escapes third-party output without changing string values', () => {
    const code = escapeGeneratedSource(`const s = ${JSON.stringify(EVIL)};`);
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(new Function(`${code} return s;`)()).toBe(EVIL);
  });
});
