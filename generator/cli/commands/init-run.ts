/** Runs `mcpgen init`: answers from flags (and prompts in a terminal), then the staged write. */
import { basename, relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { emitterNames } from '../../emit/registry.js';
import { packageVersion } from '../../package-root.js';
import { checkAnswers, defaultAnswers, nameFromFolder, parseWith, type InitAnswers } from '../../scaffold/init-answers.js';
import { initProject } from '../../scaffold/init-project.js';
import type { Asked } from '../../scaffold/init-prompts.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { InitArgs } from './init-command.js';

export interface Terminal {
  input: Readable & { isTTY?: boolean };
  output: Writable;
}

/** Flags → answers, and which answers the flags gave (those are not asked). */
export function answersFromArgs(args: InitArgs, dir: string): { answers: InitAnswers; given: Set<Asked> } {
  const answers = defaultAnswers(nameFromFolder(basename(dir)));
  const given = new Set<Asked>();
  const set = <K extends Asked>(key: K, value: InitAnswers[K] | undefined) => {
    if (value === undefined) return;
    answers[key] = value;
    given.add(key);
  };
  set('name', args.name);
  set('description', args.description);
  set('transport', args.transport as InitAnswers['transport'] | undefined);
  set('auth', args.auth as InitAnswers['auth'] | undefined);
  set('revision', args.revision);
  set('with', args.with === undefined ? undefined : parseWith(args.with));
  set('packageManager', args['package-manager'] as InitAnswers['packageManager'] | undefined);
  set('ci', args.ci);
  set('docker', args.docker);
  return { answers, given };
}

export async function runInit(args: InitArgs, io: CliIo, terminal: Terminal = { input: process.stdin, output: process.stdout }): Promise<number> {
  try {
    const dir = resolve(args.dir ?? '.');
    const { answers: flagged, given } = answersFromArgs(args, dir);
    const known = emitterNames();
    const interactive = !args.yes && Boolean(terminal.input.isTTY);
    let answers = flagged;
    if (interactive) {
      const { askAnswers } = await import('../../scaffold/init-prompts.js');
      answers = await askAnswers(flagged, given, known, terminal.input, terminal.output);
    }
    checkAnswers(answers, known);
    const shown = relative(process.cwd(), dir) || '.';
    const result = await initProject({
      dir,
      answers,
      mcpgenVersion: packageVersion(),
      force: args.force,
      dryRun: args['dry-run'],
      specDir: args['spec-dir'],
      allowUnpinned: args['allow-unpinned'],
      onProgress: io.interactive ? (m) => io.err(`mcpgen: ${m}\n`) : undefined,
      confirmOverwrite: async (existing) => {
        io.err(`mcpgen init replaces ${existing.length} existing file${existing.length > 1 ? 's' : ''} in ${shown}:\n${existing.map((f) => `  ${f}\n`).join('')}`);
        if (!interactive) return true;
        const { confirm } = await import('../../scaffold/init-prompts.js');
        return confirm('Replace them?', terminal.input, terminal.output);
      },
    });
    if (result.diagnostics.length) printDiagnostics(io, result.diagnostics, 'text');
    if (args['dry-run']) {
      io.out(`Would create ${result.files.length} files in ${shown}${result.replaced.length ? `, replacing ${result.replaced.length}` : ''}:\n`);
      io.out(result.files.map((f) => `  ${result.replaced.includes(f) ? 'replace' : 'create '} ${f}\n`).join(''));
      return 0;
    }
    if (!result.written) {
      io.err('mcpgen: nothing was changed.\n');
      return 1;
    }
    io.out(`Created ${shown} (${result.files.length} files):\n${result.files.map((f) => `  ${f}\n`).join('')}`);
    io.out(`\nNext:\n${shown === '.' ? '' : `  cd ${shown}\n`}  ${answers.packageManager} install\n  ${answers.packageManager} test\n`);
    return 0;
  } catch (err) {
    return reportFailure(io, err, 'text');
  }
}
