/**
 * Helpers the generated registration code shares: JSON Schema wrappers that
 * hand the SDK our schemas verbatim (so `tools/list` publishes exactly the
 * manifest) while validating with precompiled validators, the text fallback
 * for structured results, and readable validation messages.
 */
import type { CallToolResult, StandardSchemaWithJSON } from '@modelcontextprotocol/server';

export type MaybePromise<T> = T | Promise<T>;

type Content = CallToolResult['content'];
type Meta = CallToolResult['_meta'];

/**
 * What the handler of a tool with an `outputSchema` returns: `structuredContent`
 * of the output type is required (the SDK rejects a successful result without
 * it, in production too). `content` may be left out: a JSON text copy of
 * `structuredContent` is added for clients that only read content blocks.
 */
export interface StructuredToolResult<S> {
  structuredContent: S;
  content?: Content;
  isError?: false;
  _meta?: Meta;
}

/** A tool error (`isError: true`): content blocks that tell the model what went wrong. */
export interface ToolErrorResult {
  isError: true;
  content: Content;
  structuredContent?: never;
  _meta?: Meta;
}

/** What the handler of a tool without an `outputSchema` returns: content blocks only. */
export interface ContentToolResult {
  content: Content;
  isError?: boolean;
  structuredContent?: never;
  _meta?: Meta;
}

/**
 * A tool handler's result: with an output type `S`, structured content of
 * that type (or a tool error); without one (`ToolResult`), content blocks.
 */
export type ToolResult<S = never> = [S] extends [never]
  ? ContentToolResult
  : StructuredToolResult<S> | ToolErrorResult;

/** A precompiled (Ajv standalone) validator. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

interface ValidationError {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Output is validated in development only (it costs time on every call and a
 * broken handler is a bug to find before production). `MCPGEN_VALIDATE_OUTPUT`
 * forces it on (`1`) or off (`0`).
 */
export function validatesOutput(): boolean {
  const flag = process.env.MCPGEN_VALIDATE_OUTPUT;
  if (flag === '1') return true;
  if (flag === '0') return false;
  return process.env.NODE_ENV !== 'production';
}

/** One message per error, naming the field: `state: must match pattern "^[A-Z]{2}$"`. */
export function describeErrors(errors: ValidationError[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = e.params ?? {};
    if (e.keyword === 'required' && typeof params.missingProperty === 'string') {
      return `${[...path, params.missingProperty].join('.')}: is required`;
    }
    if (e.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return `${[...path, params.additionalProperty].join('.')}: is not allowed`;
    }
    return `${path.length ? path.join('.') : '(root)'}: ${e.message ?? e.keyword}`;
  });
}

function standardSchema<T>(
  schema: Record<string, unknown>,
  validate: (value: unknown) => { value: T } | { issues: { message: string }[] },
): StandardSchemaWithJSON<T, T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'mcpgen',
      validate,
      jsonSchema: { input: () => schema, output: () => schema },
    },
  } as StandardSchemaWithJSON<T, T>;
}

/** A tool's input schema: listed verbatim, checked by its precompiled validator. */
export function inputSchema<T>(
  schema: Record<string, unknown>,
  validator: CompiledValidator,
): StandardSchemaWithJSON<T, T> {
  return standardSchema<T>(schema, (value) => {
    try {
      if (validator(value)) return { value: value as T };
    } catch (err) {
      // A recursive schema is checked recursively: arguments nested deeper than
      // the stack allows are refused as such, not with the engine's message.
      if (err instanceof RangeError)
        return { issues: [{ message: '(root): nests too deeply to validate' }] };
      throw err;
    }
    return { issues: describeErrors(validator.errors).map((message) => ({ message })) };
  });
}

/**
 * A tool's output schema: listed verbatim; in development a result that breaks
 * it is logged to stderr and answered as a tool error (`isError: true`) naming
 * the violation; in production it is passed through unchecked.
 */
export function outputSchema<T>(
  toolName: string,
  schema: Record<string, unknown>,
  validator: CompiledValidator,
): StandardSchemaWithJSON<T, T> {
  return standardSchema<T>(schema, (value) => {
    if (!validatesOutput() || validator(value)) return { value: value as T };
    const messages = describeErrors(validator.errors);
    console.error(
      `[mcpgen] tool ${JSON.stringify(toolName)} returned structuredContent that breaks its outputSchema: ${messages.join('; ')}`,
    );
    return { issues: messages.map((message) => ({ message })) };
  });
}

/** Prompt arguments are strings; the SDK lists them from this schema. */
export function promptArgumentsSchema(
  args: readonly { name: string; required?: boolean; description?: string }[],
): StandardSchemaWithJSON<Record<string, string>, Record<string, string>> {
  const schema = {
    type: 'object',
    properties: Object.fromEntries(
      args.map((a) => [
        a.name,
        { type: 'string', ...(a.description !== undefined ? { description: a.description } : {}) },
      ]),
    ),
    required: args.filter((a) => a.required === true).map((a) => a.name),
  };
  return standardSchema<Record<string, string>>(schema, (value) => {
    const record = (value ?? {}) as Record<string, unknown>;
    const issues = args
      .filter(
        (a) =>
          (a.required === true && record[a.name] === undefined) ||
          (record[a.name] !== undefined && typeof record[a.name] !== 'string'),
      )
      .map((a) => ({
        message: `${a.name}: ${record[a.name] === undefined ? 'is required' : 'must be a string'}`,
      }));
    return issues.length ? { issues } : { value: record as Record<string, string> };
  });
}

/**
 * Completes a handler's result: a JSON text copy of `structuredContent` when
 * no content was given. `structuredContent` is left out for revisions that
 * do not have it (2024-11-05, 2025-03-26).
 */
export function toCallToolResult(
  result: StructuredToolResult<unknown> | ToolErrorResult | ContentToolResult,
  hasStructuredContent: boolean,
): CallToolResult {
  const out: CallToolResult = { content: result.content ?? [] };
  if (result.structuredContent !== undefined) {
    if (result.content === undefined)
      out.content = [{ type: 'text', text: JSON.stringify(result.structuredContent) }];
    if (hasStructuredContent)
      out.structuredContent = result.structuredContent as Record<string, unknown>;
  }
  if (result.isError !== undefined) out.isError = result.isError;
  if (result._meta !== undefined) out._meta = result._meta;
  return out;
}
