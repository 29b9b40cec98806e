/**
 * Naming checks shared by tool names, prompt names and prompt argument names.
 * The guidance is the one the released spec text gives for tool names
 * (2025-11-25 on): 1 to 128 characters out of `A-Z a-z 0-9 _ - .`, no spaces
 * or commas, unique within the server. Objects and revisions that have no
 * such guidance get the same checks as advice (warnings).
 * @see ../../../../shared/docs/mcp-revisions.md "Tool names"
 */
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Finding, LintProfile, RuleCode } from '../rule.js';

/** What clients widely accept: a leading letter, then up to 63 of `A-Z a-z 0-9 _ -`. */
export const STRICT_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
const ALLOWED = /^[A-Za-z0-9_.-]$/;
/** Every character ALLOWED (so none is reported as invalid). */
const ALL_ALLOWED = /^[A-Za-z0-9_.-]*$/;
// Control characters are reported by text/control-character; not again here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_LENGTH = 128;

export interface NamedItem {
  name: unknown;
  /** Pointer of the name value. */
  pointer: string;
  /** How messages refer to the object, e.g. `tools[0]`. */
  label: string;
}

export interface NameCheckOptions {
  /** Code prefix: `tool-name`, `prompt-name`, `prompt-argument`. */
  area: string;
  /** How the message names the object: `Tool name`, `Prompt name`. */
  subject: string;
  /** Set when the spec gives no guidance (older revision, or not a tool): character and length errors become warnings. */
  adviceOnly?: string;
  profile: LintProfile;
}

/** The catalog entries for one area, so every area documents the same codes. */
export function nameCodes(area: string, subject: string, scope: string): Record<string, RuleCode> {
  return {
    [`${area}/empty`]: {
      severity: 'error',
      title: `${subject} is empty`,
      cause: `A ${subject.toLowerCase()} must have at least one character.`,
      fix: 'Give it a name such as `get_user`.',
    },
    [`${area}/too-long`]: {
      severity: 'error',
      title: `${subject} longer than 128 characters`,
      cause: 'The spec (2025-11-25 on) says names SHOULD be 1 to 128 characters; longer names are cut or refused by clients.',
      fix: 'Shorten the name.',
    },
    [`${area}/invalid-character`]: {
      severity: 'error',
      title: `${subject} has a character outside A-Z a-z 0-9 _ - .`,
      cause: 'The spec (2025-11-25 on) says names SHOULD use only ASCII letters, digits, `_`, `-` and `.`.',
      fix: 'Replace the character, for example with `_`.',
    },
    [`${area}/space-or-comma`]: {
      severity: 'error',
      title: `${subject} contains a space or comma`,
      cause: 'The spec (2025-11-25 on) says names SHOULD NOT contain spaces, commas or other special characters.',
      fix: 'Use `_` or `-` between words.',
    },
    [`${area}/slash`]: {
      severity: 'warning',
      title: `${subject} contains "/"`,
      cause: 'SEP-986 allowed `/` in tool names, but the released spec text (2025-11-25, 2026-07-28) does not list it.',
      fix: 'Use `.` or `_` as separator (`admin.tools.list`).',
    },
    [`${area}/edge-punctuation`]: {
      severity: 'warning',
      title: `${subject} starts or ends with "-" or "."`,
      cause: 'A leading or trailing `-` or `.` is allowed by the character set but confuses clients that split or prefix names.',
      fix: 'Remove the leading or trailing punctuation.',
    },
    [`${area}/duplicate`]: {
      severity: 'error',
      title: `Duplicate ${subject.toLowerCase()}`,
      cause: `Two objects have the same name within ${scope}; a client can reach only one of them.`,
      fix: 'Rename one of them.',
    },
    [`${area}/case-collision`]: {
      severity: 'warning',
      title: `${subject}s equal but for case`,
      cause: 'Names are case-sensitive, but clients that fold case see the two as one.',
      fix: 'Rename one of them so the names differ by more than case.',
    },
    [`${area}/client-compat`]: {
      severity: 'error',
      title: `${subject} rejected by widespread clients (strict profile)`,
      cause:
        'Real clients are stricter than the spec: several reject dots, several require `^[a-zA-Z0-9_-]{1,64}$`, some require a leading letter. The strict profile checks `^[a-zA-Z][a-zA-Z0-9_-]{0,63}$`.',
      fix: 'Start with a letter and use at most 64 of `A-Z a-z 0-9 _ -`.',
    },
  };
}

/** Checks each name, then uniqueness across `items` (which share one scope). */
export function checkNames(items: readonly NamedItem[], options: NameCheckOptions): Finding[] {
  const out: Finding[] = [];
  const { area, subject, adviceOnly } = options;
  const soft = (code: string, message: string, pointer: string): Finding =>
    adviceOnly
      ? { code, severity: 'warning' as Severity, message: `${message} (advice: ${adviceOnly})`, pointer }
      : { code, message, pointer };

  const seen = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const { name, pointer, label } of items) {
    if (typeof name !== 'string') continue; // a missing or non-string name is the definitions rule's finding
    const shown = JSON.stringify(name);
    if (name.length === 0) {
      out.push(soft(`${area}/empty`, `${subject} is empty.`, pointer));
      continue;
    }
    if (name.length > MAX_LENGTH) {
      out.push(soft(`${area}/too-long`, `${subject} ${shown.slice(0, 40)}… has ${name.length} characters; at most ${MAX_LENGTH} are allowed.`, pointer));
    }
    if (/[ ,]/.test(name)) {
      out.push(soft(`${area}/space-or-comma`, `${subject} ${shown} contains ${name.includes(' ') ? 'a space' : 'a comma'}.`, pointer));
    }
    if (name.includes('/')) {
      out.push({
        code: `${area}/slash`,
        message: `${subject} ${shown} contains "/": SEP-986 allows it, but the released spec text does not (only A-Z a-z 0-9 _ - .).`,
        pointer,
      });
    }
    // Most names are made only of allowed characters: one test instead of three per character.
    const bad = ALL_ALLOWED.test(name) ? [] : [...new Set([...name].filter((c) => !ALLOWED.test(c) && !/[ ,/]/.test(c) && !CONTROL.test(c)))];
    if (bad.length) {
      const list = bad.map((c) => JSON.stringify(c)).join(', ');
      out.push(soft(`${area}/invalid-character`, `${subject} ${shown} has ${bad.length === 1 ? 'a character' : 'characters'} outside A-Z a-z 0-9 _ - .: ${list}.`, pointer));
    }
    if (/^[-.]|[-.]$/.test(name)) {
      out.push({ code: `${area}/edge-punctuation`, message: `${subject} ${shown} starts or ends with "-" or ".".`, pointer });
    }
    if (options.profile === 'strict' && !STRICT_NAME.test(name)) {
      out.push({ code: `${area}/client-compat`, message: `${subject} ${shown} ${strictReasons(name)}.`, pointer });
    }

    const first = seen.get(name);
    if (first !== undefined) {
      out.push({ code: `${area}/duplicate`, message: `${subject} ${shown} is already used by ${first}.`, pointer });
      continue;
    }
    seen.set(name, label);
    const lower = name.toLowerCase();
    const other = folded.get(lower);
    if (other !== undefined) {
      out.push({
        code: `${area}/case-collision`,
        message: `${subject} ${shown} differs only in case from ${JSON.stringify(other)}; clients that fold case see one name.`,
        pointer,
      });
    } else {
      folded.set(lower, name);
    }
  }
  return out;
}

/** Which widespread clients would refuse the name, in general terms. */
function strictReasons(name: string): string {
  const reasons: string[] = [];
  if (name.includes('.')) reasons.push('contains "." (several clients reject dots)');
  if (name.length > 64 || !/^[a-zA-Z0-9_-]+$/.test(name)) {
    reasons.push('does not match ^[a-zA-Z0-9_-]{1,64}$ (required by several clients)');
  }
  if (!/^[a-zA-Z]/.test(name)) reasons.push('does not start with a letter (some clients require one)');
  return reasons.length ? reasons.join('; ') : 'is not accepted by every widespread client';
}
