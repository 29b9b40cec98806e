/**
 * `x-mcp-header` on inputSchema properties (2026-07-28 on) mirrors an argument
 * into an `Mcp-Param-{name}` HTTP header. A client MUST drop a tool whose
 * annotation breaks a rule, so every rule is an error here; mirroring a
 * likely secret is a warning. Before 2026-07-28 the annotation has no effect.
 * @see ../../../../shared/docs/mcp-revisions.md "inputSchema / outputSchema" (x-mcp-header)
 */
import { joinPointer } from '../../load/json-pointer.js';
import { compareRevisions } from '../../spec/revisions.js';
import { splitWords } from '../../ir/naming.js';
import { isJsonObject, type SchemaObject } from '../checks/schema-walk.js';
import { schemaIndex } from '../checks/schema-index.js';
import type { Finding, LintRule } from '../rule.js';

export const X_MCP_HEADER_SINCE = '2026-07-28';
const KEY = 'x-mcp-header';
/** RFC 9110 token: 1*tchar. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(['integer', 'string', 'boolean']);
const SENSITIVE = new Set(['password', 'passwd', 'pwd', 'passphrase', 'token', 'secret', 'key', 'apikey', 'credential', 'credentials', 'auth', 'authorization', 'cookie', 'session', 'ssn', 'otp', 'pin', 'bearer']);
const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

export const xMcpHeaderRule: LintRule = {
  id: 'x-mcp-header',
  codes: {
    'x-mcp-header/no-effect': {
      severity: 'warning',
      title: '`x-mcp-header` before 2026-07-28',
      cause: 'The annotation exists from revision 2026-07-28; older revisions ignore it.',
      fix: 'Target 2026-07-28 or later, or remove the annotation.',
    },
    'x-mcp-header/empty': { severity: 'error', title: 'Empty header name', cause: 'The value must be a non-empty string naming the `Mcp-Param-{name}` header.', fix: 'Give a header name such as `Region`.' },
    'x-mcp-header/not-a-token': {
      severity: 'error',
      title: 'Header name is not an HTTP token',
      cause: 'The value must be an RFC 9110 token (`1*tchar`: letters, digits and ``!#$%&\'*+-.^_`|~``); spaces, CR/LF, `:` and other separators are not allowed.',
      fix: 'Use letters, digits and `-` only.',
    },
    'x-mcp-header/duplicate': { severity: 'error', title: 'Header name used twice', cause: 'Header names are case-insensitive; two properties of one schema map to the same header.', fix: 'Give each property its own header name.' },
    'x-mcp-header/wrong-type': {
      severity: 'error',
      title: 'Header on a non-primitive property',
      cause: 'Only properties of type `integer`, `string` or `boolean` can be mirrored into a header (not `number`, objects, arrays or unions).',
      fix: 'Declare a single primitive `type`, or remove the annotation.',
    },
    'x-mcp-header/integer-out-of-range': {
      severity: 'error',
      title: 'Integer bound beyond ±(2^53−1)',
      cause: 'A mirrored integer must stay within ±(2^53−1) so every client can represent it exactly; a declared bound is outside.',
      fix: 'Narrow minimum/maximum to ±9007199254740991.',
    },
    'x-mcp-header/unreachable': {
      severity: 'error',
      title: 'Header on a property that is not statically reachable',
      cause: 'Only properties reached through `properties` from the schema root can be mirrored; not inside anyOf/oneOf/allOf, items, additionalProperties or $defs.',
      fix: 'Move the property to a `properties` chain from the root, or remove the annotation.',
    },
    'x-mcp-header/sensitive': {
      severity: 'warning',
      title: 'Likely-sensitive parameter mirrored into a header',
      cause: 'Headers are logged and seen by proxies; secrets, tokens and personal data should never be mirrored into them.',
      fix: 'Remove the annotation from this parameter.',
    },
  },
  check({ loaded, spec }) {
    const out: Finding[] = [];
    const active = compareRevisions(spec.revision.id, X_MCP_HEADER_SINCE) >= 0;
    loaded.manifest.tools.forEach((tool, i) => {
      if (!isJsonObject(tool)) return;
      const base = joinPointer('/tools', i, 'inputSchema');
      const seen = new Map<string, string>();
      // From the run's shared index of the schema (checks/schema-index.ts); the walk for anything else.
      const uses = isJsonObject(tool.inputSchema)
        ? schemaIndex(tool.inputSchema).headerUses.map(({ node, path }) => ({ node, pointer: joinPointer(base, ...path), path }))
        : findAnnotations(tool.inputSchema, base, []);
      for (const use of uses) {
        const at = joinPointer(use.pointer, KEY);
        if (!active) {
          out.push({ code: 'x-mcp-header/no-effect', message: `x-mcp-header has no effect in revision ${spec.revision.id}; it exists from ${X_MCP_HEADER_SINCE}.`, pointer: at, atKey: true });
          continue;
        }
        out.push(...checkUse(use, at, seen));
      }
    });
    return out;
  },
};

interface Use {
  node: SchemaObject;
  pointer: string;
  /** Keyword/name segments from the schema root. */
  path: string[];
}

/**
 * Every schema object carrying the annotation, wherever it is, in document
 * order. One shared path stack; a pointer is built only for a use found.
 */
export function findAnnotations(value: unknown, pointer: string, path: string[]): Use[] {
  const out: Use[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== 'object' || x === null) continue; // nothing to find in a scalar: no segment built for it
        path.push(String(i));
        walk(x);
        path.pop();
      }
    } else if (isJsonObject(v)) {
      if (KEY in v) out.push({ node: v, pointer: joinPointer(pointer, ...path), path: [...path] });
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (k === KEY || typeof x !== 'object' || x === null) continue;
        path.push(k);
        walk(x);
        path.pop();
      }
    }
  };
  walk(value);
  return out;
}

function checkUse({ node, path }: Use, at: string, seen: Map<string, string>): Finding[] {
  const value = node[KEY];
  const prop = path[path.length - 1] ?? '(root)';
  if (typeof value !== 'string' || value.length === 0) {
    return [{ code: 'x-mcp-header/empty', message: `x-mcp-header on "${prop}" must be a non-empty string.`, pointer: at }];
  }
  const out: Finding[] = [];
  if (!TOKEN.test(value)) {
    const why = /[\r\n]/.test(value) ? 'contains CR or LF' : 'has a character outside RFC 9110 tchar';
    out.push({ code: 'x-mcp-header/not-a-token', message: `x-mcp-header ${JSON.stringify(value)} ${why}.`, pointer: at });
  } else {
    const folded = value.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      out.push({ code: 'x-mcp-header/duplicate', message: `x-mcp-header "${value}" is already used by "${first}" (header names are case-insensitive).`, pointer: at });
    } else {
      seen.set(folded, prop);
    }
  }
  if (!isReachable(path)) {
    out.push({ code: 'x-mcp-header/unreachable', message: `x-mcp-header on ${path.length ? `/${path.join('/')}` : 'the schema root'} is not on a property reached through "properties" from the root.`, pointer: at });
  }
  const type = node.type;
  if (typeof type !== 'string' || !PRIMITIVE.has(type)) {
    out.push({
      code: 'x-mcp-header/wrong-type',
      message: `x-mcp-header on "${prop}" needs type integer, string or boolean${type === undefined ? '; the property declares no type' : `, not ${JSON.stringify(type)}`}.`,
      pointer: at,
    });
  }
  if (type === 'integer') {
    for (const bound of BOUNDS) {
      const b = node[bound];
      if (typeof b === 'number' && Math.abs(b) > Number.MAX_SAFE_INTEGER) {
        out.push({ code: 'x-mcp-header/integer-out-of-range', message: `${bound} ${b} of "${prop}" is beyond ±(2^53−1).`, pointer: at.replace(/\/x-mcp-header$/, `/${bound}`) });
      }
    }
  }
  const words = [...splitWords(prop), ...splitWords(value)].map((w) => w.toLowerCase());
  if (words.some((w) => SENSITIVE.has(w))) {
    out.push({ code: 'x-mcp-header/sensitive', message: `"${prop}" looks sensitive; mirroring it into header Mcp-Param-${value} exposes it to logs and proxies.`, pointer: at });
  }
  return out;
}

/** `properties/<name>(/properties/<name>)*` from the root. */
function isReachable(path: readonly string[]): boolean {
  if (path.length === 0 || path.length % 2 !== 0) return false;
  for (let i = 0; i < path.length; i += 2) if (path[i] !== 'properties') return false;
  return true;
}
