/**
 * The hand-written part of validators.js/.d.ts around Ajv's code: type guards,
 * `validate`, `validateMessage` and the method table. Kept free of any
 * binding named after a definition, so `Error` and `Request` stay the
 * JavaScript globals in the generated module.
 */
import type { ProtocolModel } from './protocol-model.js';

function binding(name: string): string {
  return `mcpgenV_${name}`;
}

/** Which definition `validateMessage` uses for messages without a `method` (responses). */
export function fallbackDefinition(model: ProtocolModel): string | undefined {
  return ['JSONRPCMessage', 'JSONRPCResponse'].find((n) => model.definitions[n]);
}

export function renderValidatorsApi(model: ProtocolModel): string {
  const table = model.names.map((n) => `  ${JSON.stringify(n)}: ${binding(n)},`).join('\n');
  const guards = model.names.map((n) => `export function is${n}(value) {\n  return ${binding(n)}(value);\n}`).join('\n');
  const methods = model.methods
    .map((m) => `  ${JSON.stringify(m.method)}: Object.freeze({ definition: ${JSON.stringify(m.definition)}, kind: ${JSON.stringify(m.kind)} }),`)
    .join('\n');
  const fallback = fallbackDefinition(model);
  return `
const mcpgenValidators = Object.freeze({
${table}
});

const mcpgenHasOwn = Object.prototype.hasOwnProperty;

/** Definition checked for each JSON-RPC method, derived from \`properties.method.const\`. */
export const methods = Object.freeze({
${methods}
});

${guards}

function mcpgenErrors(errors) {
  return (errors ?? []).map((e) => ({ pointer: e.instancePath, message: e.message ?? 'is invalid', keyword: e.keyword }));
}

/** Validates \`value\` against definition \`name\`; errors carry JSON pointers into \`value\`. */
export function validate(name, value) {
  if (!mcpgenHasOwn.call(mcpgenValidators, name)) throw new TypeError('Unknown definition: ' + String(name));
  const check = mcpgenValidators[name];
  return check(value) ? { valid: true } : { valid: false, errors: mcpgenErrors(check.errors) };
}

/**
 * Validates one JSON-RPC message, choosing the definition from its \`method\`:
 * \`tools/call\` is checked as CallToolRequest, not as a generic request. An
 * unknown method is rejected at \`/method\`. Messages without a method
 * (responses) are checked as ${fallback ?? 'nothing more specific'}.
 */
export function validateMessage(message) {
  if (message !== null && typeof message === 'object' && !Array.isArray(message) && mcpgenHasOwn.call(message, 'method')) {
    const method = message.method;
    if (typeof method !== 'string') return { valid: false, errors: [{ pointer: '/method', message: 'must be string', keyword: 'type' }] };
    if (!mcpgenHasOwn.call(methods, method)) {
      return { valid: false, errors: [{ pointer: '/method', message: 'unknown method ' + JSON.stringify(method), keyword: 'method' }] };
    }
    return validate(methods[method].definition, message);
  }
  ${fallback ? `return validate(${JSON.stringify(fallback)}, message);` : `return { valid: false, errors: [{ pointer: '', message: 'must have a method', keyword: 'required' }] };`}
}
`;
}

export function renderValidatorsDts(model: ProtocolModel): string {
  const defs = model.names.map((n) => `  ${JSON.stringify(n)}: T.${n};`).join('\n');
  const guards = model.names.map((n) => `export declare function is${n}(value: unknown): value is T.${n};`).join('\n');
  const methods = model.methods.map((m) => `  readonly ${JSON.stringify(m.method)}: { readonly definition: ${JSON.stringify(m.definition)}; readonly kind: ${JSON.stringify(m.kind)} };`).join('\n');
  return `// Types for validators.js. Definitions are reached as \`T.Name\` so that \`Error\` and \`Request\` never shadow the globals here.
import type * as T from './types.js';

/** One validation failure. \`pointer\` is a JSON pointer into the validated value (Ajv's \`instancePath\`; for \`required\`, the object missing the property). */
export interface ValidationError {
  pointer: string;
  message: string;
  keyword: string;
}

export type ValidationResult = { valid: true } | { valid: false; errors: ValidationError[] };

/** Every definition of the revision, by name. */
export interface Definitions {
${defs}
}

export type DefinitionName = keyof Definitions;

/** Definition checked for each JSON-RPC method. */
export declare const methods: {
${methods}
};

${guards}

/** Validates \`value\` against definition \`name\`. Throws a TypeError for an unknown name. */
export declare function validate(name: DefinitionName, value: unknown): ValidationResult;

/** Validates one JSON-RPC message, choosing the definition from its \`method\`; an unknown method fails at \`/method\`. */
export declare function validateMessage(message: unknown): ValidationResult;
`;
}
