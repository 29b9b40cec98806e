/**
 * A fast path for JSON manifests: a single-pass JSON parser that records the
 * same positions the YAML parser does (value start and end, key start; 1-based
 * lines, columns in UTF-16 code units). Generated and captured manifests are
 * usually large JSON files, where the general YAML parser dominates lint time.
 * It returns undefined on anything unusual (syntax error, duplicate key), and
 * the caller then takes the YAML path, which reports the problem precisely.
 */
import { joinPointer } from './json-pointer.js';
import { SourceMap } from './source-map.js';

class Bail extends Error {}

export function parseJsonFast(text: string, file: string): { value: unknown; sourceMap: SourceMap } | undefined {
  const sourceMap = new SourceMap();
  // Offsets of line starts, for offset → line/column.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const pos = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };

  let i = 0;
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    let simple = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c < 32) throw new Bail();
      if (c === 34) break;
      if (c === 92) {
        simple = false;
        i += 2;
        continue;
      }
      i++;
    }
    i++; // closing quote
    return simple ? text.slice(start + 1, i - 1) : (JSON.parse(text.slice(start, i)) as string);
  };
  const record = (pointer: string, start: number, keyStart: number | undefined): void => {
    const from = pos(start);
    const to = pos(i);
    const key = keyStart === undefined ? undefined : pos(keyStart);
    sourceMap.set(pointer, {
      file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      ...(key ? { keyLine: key.line, keyColumn: key.column } : {}),
    });
  };
  const value = (pointer: string, keyStart?: number): unknown => {
    ws();
    const start = i;
    const c = text[i];
    let result: unknown;
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') throw new Bail();
          const kStart = i;
          const key = string();
          if (Object.hasOwn(obj, key)) throw new Bail();
          ws();
          if (text[i] !== ':') throw new Bail();
          i++;
          const v = value(joinPointer(pointer, key), kStart);
          if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
          else obj[key] = v;
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else throw new Bail();
        }
      }
      result = obj;
    } else if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          arr.push(value(joinPointer(pointer, arr.length)));
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else throw new Bail();
        }
      }
      result = arr;
    } else if (c === '"') {
      result = string();
    } else {
      const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
      m.lastIndex = i;
      const match = m.exec(text);
      if (!match) throw new Bail();
      i += match[0].length;
      result = JSON.parse(match[0]);
    }
    record(pointer, start, keyStart);
    return result;
  };

  try {
    const result = value('');
    ws();
    if (i !== text.length) return undefined;
    return { value: result, sourceMap };
  } catch (err) {
    if (err instanceof Bail || err instanceof SyntaxError) return undefined;
    throw err;
  }
}
