import { describe, expect, it } from 'vitest';
import { NameScope, isReservedName, toCamelCase, toPascalCase } from '../../generator/ir/naming.js';

describe('naming', () => {
  it('turns wire names into identifiers', () => {
    expect(toCamelCase('get_weather-forecast.v2')).toBe('getWeatherForecastV2');
    expect(toPascalCase('getHTTPStatus')).toBe('GetHttpStatus');
    expect(toCamelCase('admin.tools.list')).toBe('adminToolsList');
  });

  it('never yields a reserved word or a global', () => {
    const values = new NameScope();
    const types = new NameScope();
    for (const name of ['delete', 'class', 'await', 'constructor']) {
      const id = values.claim(name, 'camel', 'x');
      expect(isReservedName(id)).toBe(false);
      expect(id).toMatch(/^[A-Za-z_$][\w$]*$/);
    }
    for (const name of ['Error', 'Request', 'Object', 'Promise', 'error', 'request']) {
      const t = types.claim(name, 'pascal', 'X');
      expect(isReservedName(t)).toBe(false);
    }
  });

  it('resolves collisions deterministically, case-insensitively', () => {
    const scope = new NameScope();
    const ids = ['get-user', 'get_user', 'getUser', 'GET_USER', 'getuser'].map((n) => scope.claim(n, 'camel', 'x'));
    expect(ids).toEqual(['getUser', 'getUser2', 'getUser3', 'getUser4', 'getuser5']);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
  });

  it('makes hostile names safe identifiers (never paths)', () => {
    const scope = new NameScope();
    const ids = ['../../x', '/etc/passwd', '*/ evil', '${x}', '日本語', '123abc', '', 'a\u2028b'].map((n, i) => scope.claim(n, 'camel', `tool${i}`));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(ids[0]).toBe('x');
    expect(ids[4]).toBe('tool4');
    expect(ids[5]).toBe('_123abc');
  });
});

describe('naming hostile lengths', () => {
  it('names a 1,000,000-character name from a bounded prefix (linear, not quadratic)', () => {
    const scope = new NameScope();
    expect(scope.claim('A'.repeat(1_000_000), 'camel', 'tool1').length).toBeLessThanOrEqual(256);
  });
});
