/**
 * The interactive side of `mcpgen init` (stdin is a terminal and --yes was
 * not given): one question per answer, each showing its default, re-asked
 * until valid. Flags given on the command line are not asked again.
 */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { listRevisions } from '../spec/revisions.js';
import { AUTH_KINDS, EXTRAS, PACKAGE_MANAGERS, TRANSPORTS, type InitAnswers } from './init-answers.js';

export type Asked = keyof InitAnswers;

export async function askAnswers(
  defaults: InitAnswers,
  given: ReadonlySet<Asked>,
  knownEmitters: readonly string[],
  input: Readable,
  output: Writable,
): Promise<InitAnswers> {
  const rl = createInterface({ input, output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const a = { ...defaults };
  const ask = async <T>(question: string, fallback: string, parse: (s: string) => T | undefined, help: string): Promise<T> => {
    for (;;) {
      output.write(`${question} (${fallback}): `);
      const next = await lines.next();
      const raw = next.done ? '' : String(next.value).trim();
      const value = parse(raw === '' ? fallback : raw);
      if (value !== undefined) return value;
      if (next.done) throw new Error(`no valid answer for "${question}"`);
      output.write(`  ${help}\n`);
    }
  };
  const choice = <T extends string>(list: readonly T[]) => (s: string) => (list as readonly string[]).includes(s) ? (s as T) : undefined;
  const yesNo = (s: string) => (/^(y|yes)$/i.test(s) ? true : /^(n|no)$/i.test(s) ? false : undefined);

  try {
    if (!given.has('name')) a.name = await ask('Server name', a.name, (s) => (/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s) ? s : undefined), 'Use 1 to 64 of A-Z a-z 0-9 . _ -.');
    if (!given.has('description')) a.description = await ask('Description', a.description, (s) => (s.length <= 500 ? s : undefined), 'At most 500 characters.');
    if (!given.has('transport')) a.transport = await ask(`Transport: ${TRANSPORTS.join(', ')}`, a.transport, choice(TRANSPORTS), `One of ${TRANSPORTS.join(', ')}.`);
    if (!given.has('auth') && a.transport !== 'stdio') a.auth = await ask(`Auth over HTTP: ${AUTH_KINDS.join(', ')}`, a.auth, choice(AUTH_KINDS), `One of ${AUTH_KINDS.join(', ')}.`);
    const revisions = listRevisions().map((r) => r.id);
    if (!given.has('revision')) a.revision = await ask(`MCP revision: ${revisions.join(', ')}`, a.revision, choice(revisions), `One of ${revisions.join(', ')}.`);
    const extras = EXTRAS.filter((e) => knownEmitters.includes(e));
    if (!given.has('with') && extras.length) {
      a.with = await ask(
        `Also generate (comma list of ${extras.join(', ')}, or none)`,
        a.with.join(',') || 'none',
        (s) => {
          const list = s === 'none' ? [] : s.split(',').map((x) => x.trim()).filter(Boolean);
          return list.every((x) => (extras as readonly string[]).includes(x)) ? ([...new Set(list)].sort() as InitAnswers['with']) : undefined;
        },
        `A comma list of ${extras.join(', ')}, or none.`,
      );
    }
    if (!given.has('packageManager')) a.packageManager = await ask(`Package manager: ${PACKAGE_MANAGERS.join(', ')}`, a.packageManager, choice(PACKAGE_MANAGERS), `One of ${PACKAGE_MANAGERS.join(', ')}.`);
    if (!given.has('ci')) a.ci = await ask('GitHub Actions workflow? y/n', a.ci ? 'y' : 'n', yesNo, 'Answer y or n.');
    if (!given.has('docker')) a.docker = await ask('Dockerfile? y/n', a.docker ? 'y' : 'n', yesNo, 'Answer y or n.');
  } finally {
    rl.close();
  }
  return a;
}

/** Asks whether to replace the listed files; anything but y/yes is no. */
export async function confirm(question: string, input: Readable, output: Writable): Promise<boolean> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    output.write(`${question} (y/N): `);
    const next = await rl[Symbol.asyncIterator]().next();
    return !next.done && /^(y|yes)$/i.test(String(next.value).trim());
  } finally {
    rl.close();
  }
}
