/**
 * mcpgen's own validator compiler: turns JSON Schemas (already accepted by
 * support.ts) into one ES module of plain validator functions with Ajv's
 * results and errors under the options mcpgen uses (allErrors, ownProperties,
 * useDefaults, strict off). Synchronous and allocation-light: one function
 * per schema, one per recursive definition, shared constants and helpers
 * emitted once.
 *
 * Each internal function returns its error list (null when valid); the
 * exported validator stores it on `.errors` like an Ajv validate function.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Dialect } from '../../../spec/revisions.js';
import { CodeWriter } from './code-writer.js';
import { emitSchema } from './compile-schema.js';
import { type FormatCheck, type ModuleScope, type Obj, ROOT_PATH } from './context.js';
import { jsLiteral } from './literals.js';
import { localRefTarget } from './refs.js';
import { BASE_SOURCE, HELPER_SOURCES } from './runtime-source.js';

export interface OwnSchema {
  /** Export name: a valid, unique JS identifier ending in Input or Output. */
  exportName: string;
  schema: Obj;
}

interface PendingFunction {
  name: string;
  root: Obj;
  schema: unknown;
}

class Scope implements ModuleScope {
  readonly constants = new Map<string, string>();
  readonly helpers = new Set<keyof typeof HELPER_SOURCES>();
  readonly formats = new Map<string, string>();
  readonly pending: PendingFunction[] = [];
  private readonly refFunctions = new Map<Obj, Map<string, string>>();
  private functions = 0;

  constructor(
    readonly dialect: Dialect,
    readonly useDefaults: boolean,
  ) {}

  constant(prefix: string, code: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = `${prefix}${this.constants.size}`;
      this.constants.set(code, name);
    }
    return name;
  }

  helper(name: keyof typeof HELPER_SOURCES): string {
    this.helpers.add(name);
    return HELPER_SOURCES[name].name;
  }

  format(name: string): FormatCheck | undefined {
    if (!Object.hasOwn(fullFormats, name)) return undefined;
    const def = (fullFormats as Record<string, unknown>)[name];
    if (def === true || def === undefined) return undefined;
    let ref = this.formats.get(name);
    if (!ref) {
      ref = `mvFormat${this.formats.size}`;
      this.formats.set(name, ref);
    }
    const fmt = ref;
    if (def instanceof RegExp) return { type: 'string', test: (d) => `${fmt}.test(${d})` };
    if (typeof def === 'function') return { type: 'string', test: (d) => `${fmt}(${d})` };
    const { type, validate } = def as { type?: 'string' | 'number'; validate: unknown };
    return { type: type ?? 'string', test: (d) => (validate instanceof RegExp ? `${fmt}.validate.test(${d})` : `${fmt}.validate(${d})`) };
  }

  /** A new validator function name; `schema` is compiled into it later. */
  newFunction(root: Obj, schema: unknown): string {
    const name = `mvValidate${this.functions++}`;
    this.pending.push({ name, root, schema });
    return name;
  }

  refFunction(root: Obj, ref: string): string {
    let byRef = this.refFunctions.get(root);
    if (!byRef) this.refFunctions.set(root, (byRef = new Map()));
    let name = byRef.get(ref);
    if (!name) {
      name = this.newFunction(root, localRefTarget(root, ref));
      byRef.set(ref, name);
    }
    return name;
  }
}

function compileFunction(scope: Scope, fn: PendingFunction): string {
  const w = new CodeWriter();
  w.block(`function ${fn.name}(data, instancePath)`, () => {
    w.line('let vErrors = null;');
    emitSchema(
      { w, scope, root: fn.root, data: 'data', ...ROOT_PATH, schemaPath: '#', composite: false, emit: emitSchema },
      fn.schema,
    );
    w.line('return vErrors;');
  });
  return w.toString();
}

/**
 * The module body (imports first) validating each schema. `useDefaults`
 * applies `default`s like Ajv's option of that name.
 */
export function compileOwnModule(schemas: OwnSchema[], dialect: Dialect, options: { useDefaults: boolean }): { imports: string[]; body: string } {
  const scope = new Scope(dialect, options.useDefaults);
  const exports: string[] = [];
  for (const { exportName, schema } of schemas) {
    // The root is also what `$ref: "#"` calls.
    const root = scope.refFunction(schema, '#');
    exports.push(
      [
        `export function ${exportName}(data) {`,
        `  const errors = ${root}(data, "");`,
        `  ${exportName}.errors = errors;`,
        '  return errors === null;',
        '}',
      ].join('\n'),
    );
  }
  const functions: string[] = [];
  for (let i = 0; i < scope.pending.length; i++) functions.push(compileFunction(scope, scope.pending[i]!));
  const imports = scope.formats.size ? ['import { fullFormats as mvFormats } from "ajv-formats/dist/formats.js";'] : [];
  const constants = [
    ...[...scope.formats].map(([name, ref]) => `const ${ref} = mvFormats[${jsLiteral(name)}];`),
    ...[...scope.constants].map(([code, name]) => `const ${name} = ${code};`),
  ];
  const helpers = [...scope.helpers].map((h) => HELPER_SOURCES[h].source);
  const body = [BASE_SOURCE, ...helpers, constants.join('\n'), ...functions, ...exports].filter(Boolean).join('\n\n');
  return { imports, body };
}
