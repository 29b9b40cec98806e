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
 * Ajv reports why each alternative of an `anyOf`/`oneOf` failed, then the
 * combined error; they are merged into one finding ("must be X or must be Y").
 * `if` errors duplicate the `then`/`else` error and are dropped. Findings are
 * unique by pointer and message.
 */
export function ajvErrorsToFindings(errors: readonly ErrorObject[], options: AjvFindingOptions): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of mergeAlternatives(errors)) {
    if (e.keyword === 'if') continue;
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
      finding = { code: options.invalidCode, message: `${options.subject}: ${where}${describeError(e)}.`, pointer: at };
    }
    const key = `${finding.pointer}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}

/**
 * Replaces each `anyOf`/`oneOf` error and the branch errors just before it
 * (Ajv emits them contiguously, at the same or a deeper instancePath) with
 * one error listing the alternatives.
 */
function mergeAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    const branch: ErrorObject[] = [];
    while (out.length && isUnder(out[out.length - 1]!.instancePath, e.instancePath)) branch.unshift(out.pop()!);
    const sameSpot = branch.filter((b) => b.instancePath === e.instancePath && b.keyword !== 'required' && b.keyword !== 'additionalProperties');
    if (branch.length && sameSpot.length === branch.length) {
      const alternatives = [...new Set(sameSpot.map((b) => describeError(b)))];
      out.push({ ...e, keyword: 'alternatives', message: alternatives.join(', or ') });
    } else {
      // Branches failed at different depths: listing each would mislead, the combined error is honest.
      out.push(e);
    }
  }
  return out;
}

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

function describeError(e: ErrorObject): string {
  const values = (e.params as { allowedValues?: unknown[] }).allowedValues;
  return `${e.message ?? 'is invalid'}${e.keyword === 'enum' && values ? ` (${values.map((v) => JSON.stringify(v)).join(', ')})` : ''}`;
}
