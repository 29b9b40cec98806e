/**
 * The one place mcpgen drives Ajv to precompile validators: for the
 * protocol's own definitions (`mcpgen protocol`) and for the tool schemas of
 * generated servers. It creates the Ajv instance for a JSON Schema dialect and
 * turns Ajv's standalone output into valid ES module source.
 *
 * Ajv's "ESM" standalone output still calls `require()` for its runtime
 * helpers and for ajv-formats. Helpers mcpgen implements itself
 * (validator-runtime.ts) are inlined; any other `require("x")` becomes
 * `import` of the CommonJS module when the caller allows it (a generated
 * package that depends on ajv), and is an error when the output must be
 * self-contained.
 */
import type { Dialect } from '../../spec/revisions.js';
import { RUNTIME_HELPERS } from './validator-runtime.js';

/** What Ajv's standalone code is compiled from (the parts of Ajv mcpgen uses). */
export interface StandaloneAjv {
  addSchema(schema: object, key?: string): unknown;
  getSchema(key: string): ((value: unknown) => boolean) | undefined;
}

export interface AjvOptions {
  /** Emit standalone source (`code.source`). */
  source: boolean;
  /** Report every error, not just the first (tool input errors name all bad fields). */
  allErrors?: boolean;
  /** Only own properties count as present (a property named `constructor` is not on every object). */
  ownProperties?: boolean;
  /** Fill in `default`s of absent properties (tool input: handlers see the defaults). */
  useDefaults?: boolean;
}

export async function createAjv(dialect: Dialect, options: AjvOptions): Promise<StandaloneAjv> {
  // Lazy: Ajv is heavy and only generation needs it. CommonJS packages: under
  // NodeNext the class/function is the `default` of `default`.
  const AjvClass =
    dialect === '2020-12' ? (await import('ajv/dist/2020.js')).default.default : (await import('ajv')).default.default;
  const addFormats = (await import('ajv-formats')).default.default;
  // strict: false because the MCP schemas use union types and keyword
  // combinations Ajv's strict mode flags; they are valid JSON Schema.
  const ajv = new AjvClass({
    strict: false,
    // Never print to the user's console ("unknown format ... ignored").
    logger: false,
    allowUnionTypes: true,
    ...(options.allErrors ? { allErrors: true } : {}),
    ...(options.ownProperties ? { ownProperties: true } : {}),
    ...(options.useDefaults ? { useDefaults: true } : {}),
    ...(options.source ? { code: { source: true, esm: true, lines: true } } : {}),
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Standalone ES module source exporting one validator per entry of `refs`
 * (export name → schema key added to `ajv`).
 */
export async function standaloneModule(
  ajv: StandaloneAjv,
  refs: Record<string, string>,
  options: { allowImports: boolean },
): Promise<string> {
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default.default;
  let code = standaloneCode(ajv as never, refs).replace(/^"use strict";\s*/, '');
  const inlined: string[] = [];
  for (const helper of RUNTIME_HELPERS) {
    if (!code.includes(helper.code)) continue;
    code = code.split(helper.code).join(helper.name);
    inlined.push(helper.source);
  }
  const specifiers: string[] = [];
  code = code.replace(/require\("([^"]+)"\)/g, (call, spec: string) => {
    if (!options.allowImports) {
      throw new Error(`mcpgen internal error: Ajv standalone code needs ${call}, which has no inlined replacement`);
    }
    let i = specifiers.indexOf(spec);
    if (i < 0) i = specifiers.push(spec) - 1;
    return `mcpgenAjvRuntime${i}`;
  });
  // ajv has no `exports` map, so Node's ESM resolution needs the extension;
  // the default import of a CommonJS module is its `module.exports`.
  const imports = specifiers.map((s, i) => `import mcpgenAjvRuntime${i} from ${JSON.stringify(s.endsWith('.js') ? s : `${s}.js`)};`);
  return [...imports, ...inlined, code].join('\n');
}
