/**
 * Checks a config against `schema/config.schema.json` and reports every
 * problem where it is: file:line:col for JSON and YAML configs, a path such
 * as `targets["gen/server"].emit[1]` for TypeScript and JavaScript ones
 * (whose values exist only after running them).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestMatch } from '../diagnostics/did-you-mean.js';
import { packageRoot } from '../package-root.js';
import type { RawConfig } from './read-config.js';
import { QuickValidator } from '../lint/checks/quick-validate.js';

const require = createRequire(import.meta.url);

let configValidator: ValidateFunction | undefined;
let ajvInstance: AjvClass | undefined;

/** One Ajv for configs and emitter options (draft-07), created on first use. */
export function configAjv(): AjvClass {
  if (!ajvInstance) {
    const Ajv = require('ajv').default as new (options: object) => AjvClass;
    ajvInstance = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
  }
  return ajvInstance;
}

const CONFIG_URI = 'mcpgen:/config.schema.json';
let quickCheck: { schema: Record<string, unknown>; quick: QuickValidator } | undefined;

/** The config schema, read once, and the quick check over it. */
function quickConfigCheck(): { schema: Record<string, unknown>; quick: QuickValidator } {
  if (!quickCheck) {
    const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'config.schema.json'), 'utf8')) as Record<string, unknown>;
    quickCheck = { schema, quick: new QuickValidator({ [CONFIG_URI]: schema }) };
  }
  return quickCheck;
}

function validator(): ValidateFunction {
  configValidator ??= configAjv().compile(quickConfigCheck().schema);
  return configValidator;
}

/** `/targets/gen~1server/emit/1` → `targets["gen/server"].emit[1]`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '(the config)';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A located diagnostic about the node at `pointer` of a config. JSON/YAML:
 * the node's position; TS/JS: the config file and the node's path in the text.
 */
export function configDiagnostic(raw: RawConfig, pointer: string, message: string, options: { key?: boolean; hint?: string; code?: string } = {}): Diagnostic {
  const located = raw.sourceMap?.locate(pointer, { key: options.key });
  // An unknown key is located at the key but named by its parent's path.
  const named = options.key ? pointer.slice(0, pointer.lastIndexOf('/')) : pointer;
  return {
    code: options.code ?? 'config/invalid',
    severity: 'error',
    message: `${pointerToPath(named)}: ${message}`,
    ...(options.hint ? { hint: options.hint } : {}),
    location: located ?? { file: raw.display, line: 1, column: 1 },
  };
}

const ANYOF_TEXT: [RegExp, string][] = [
  [/\/emit\/\d+$/, 'must be an emitter name (manifest, server) or { plugin: "./file.mjs", options: {...} }'],
  [/(^|\/)revision(\/\d+)?$/, 'must be a revision (2025-11-25, draft, latest) or a list of them'],
  [/\/hooks\/\w+$/, 'must be a command or a list of commands'],
];

/** Places a message about the node at a JSON Pointer (relative to what was validated). */
export type Place = (pointer: string, message: string, options?: { key?: boolean; hint?: string; code?: string }) => Diagnostic;

/** Ajv errors → one diagnostic per problem, at the most precise place. */
export function schemaDiagnostics(place: Place, errors: ErrorObject[]): Diagnostic[] {
  const result: Diagnostic[] = [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const e of errors) {
    const path = e.instancePath;
    // Inside a failed anyOf, report the anyOf once instead of every branch.
    const underAnyOf = [...anyOfPaths].some((p) => e.instancePath === p || (e.instancePath.startsWith(p + '/') && e.keyword !== 'additionalProperties' && e.keyword !== 'required'));
    if (underAnyOf && e.keyword !== 'anyOf') continue;
    let d: Diagnostic;
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      const near = closestMatch(key, allowed);
      d = place(`${path}/${escapePointer(key)}`, `unknown key "${key}".${near ? ` Did you mean "${near}"?` : ''}`, {
        key: true,
        hint: `Allowed here: ${allowed.join(', ')}.`,
      });
    } else if (e.keyword === 'required') {
      d = place(path, `"${(e.params as { missingProperty: string }).missingProperty}" is required.`);
    } else if (e.keyword === 'anyOf') {
      d = place(path, ANYOF_TEXT.find(([re]) => re.test(path))?.[1] ?? 'has an invalid value.');
    } else if (e.keyword === 'pattern' && /revision/.test(path)) {
      d = place(path, `${JSON.stringify(e.data)} is not a revision (use a date such as 2025-11-25, draft or latest).`);
    } else {
      d = place(path, `${e.message ?? 'is invalid'}${e.keyword === 'enum' ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : ''}.`);
    }
    const key = `${d.message}@${d.location?.line}:${d.location?.column}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(d);
    }
  }
  return result;
}

/** Every schema violation of the config; empty when it is valid. */
export function validateConfig(raw: RawConfig): Diagnostic[] {
  // Nearly every config is valid: the sound quick check says so without
  // loading Ajv (a tenth of a second of a no-op build); anything it cannot
  // vouch for goes to Ajv, whose errors become the diagnostics.
  const { schema, quick } = quickConfigCheck();
  if (quick.valid(schema, CONFIG_URI, raw.value)) return [];
  const validate = validator();
  if (validate(raw.value)) return [];
  return schemaDiagnostics((pointer, message, options) => configDiagnostic(raw, pointer, message, options), validate.errors ?? []);
}
