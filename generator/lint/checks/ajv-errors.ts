/**
 * Turns Ajv errors into findings located in the manifest: Ajv's
 * `instancePath` is a JSON Pointer relative to the validated value, so it is
 * joined to the value's own pointer. Unknown fields point at their key,
 * missing ones at the object that lacks them, everything else at the value.
 */
import { joinPointer } from '../../load/json-pointer.js';
import type { Finding } from '../rule.js';
import type { ErrorObject } from './ajv-loader.js';

export interface AjvFindingOptions {
  /** Pointer of the validated value in the manifest. */
  base: string;
  /** Code for a missing required property. */
  missingCode: string;
  /** Code for every other error. */
  invalidCode: string;
  /** Prefix naming the object, e.g. `Tool "get_user" (2025-11-25 Tool)`. */
  subject: string;
}

/**
 * Branch errors of `anyOf`/`oneOf` are dropped in favour of the combined error,
 * since listing why each alternative failed is noise; `if` errors duplicate
 * the `then`/`else` error. Findings are unique by pointer and message.
 */
export function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[] {
  const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (branches.some((b) => e.schemaPath.startsWith(b))) continue;
    const at = options.base + e.instancePath;
    const where = e.instancePath ? `at ${e.instancePath}: ` : '';
    let finding: Finding;
    if (e.keyword === 'required') {
      const field = String((e.params as { missingProperty?: string }).missingProperty);
      finding = { code: options.missingCode, message: `${options.subject}: ${where}required field "${field}" is missing.`, pointer: at };
    } else if (e.keyword === 'additionalProperties') {
      const field = String((e.params as { additionalProperty?: string }).additionalProperty);
      finding = {
        code: options.invalidCode,
        message: `${options.subject}: ${where}field "${field}" is not allowed.`,
        pointer: joinPointer(at, field),
        atKey: true,
      };
    } else {
      const detail = e.keyword === 'enum' ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.map((v) => JSON.stringify(v)).join(', ')})` : '';
      finding = { code: options.invalidCode, message: `${options.subject}: ${where}${e.message ?? 'is invalid'}${detail}.`, pointer: at };
    }
    const key = `${finding.pointer}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}
