/**
 * Runs `mcpgen migrate`: loads one manifest with positions, plans the
 * composed migration, reports each finding at its location, and with
 * --write splices the edits into the file (atomically) and, given
 * --package, renames handlers of tools that declare `renamedFrom`.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { McpgenError, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadManifestOrThrow } from '../../load/load-manifest.js';
import type { JsonObject, Manifest } from '../../load/manifest-types.js';
import { migrateManifest, type MigrationFinding } from '../../migrate/migrate-manifest.js';
import { revisionPath } from '../../migrate/plan-migration.js';
import { editManifestText, type ManifestEdit } from '../../migrate/yaml-edit.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { defaultRevision, requireRevision } from '../../spec/revisions.js';
import type { CliIo } from '../io.js';
import { printDiagnostics, reportFailure } from '../report.js';
import type { MigrateArgs } from './migrate-command.js';

export async function runMigrate(args: MigrateArgs, io: CliIo): Promise<number> {
  try {
    const config = await loadConfig(args.config);
    const loaded = loadManifestOrThrow(args.manifest);
    const file = loaded.files[0]!;
    const from = args.from ?? loaded.manifest.revision ?? (typeof config.revision === 'string' ? config.revision : undefined) ?? defaultRevision();
    requireRevision(from);
    requireRevision(args.to);
    const migration = migrateManifest(loaded.manifest as unknown as JsonObject, from, args.to);
    const findings = [...migration.findings];
    let written = false;
    const codemods: Diagnostic[] = [];
    if (args.package && !args.write) {
      throw new McpgenError({ code: 'usage/invalid', severity: 'error', message: '--package renames handler files, so it needs --write.' });
    }

    if (args.write) {
      const text = loaded.sources.get(file)!;
      const result = editManifestText(text, migration.edits);
      for (const r of result.refused) refuse(findings, r.edit, r.reason);
      if (result.text !== text) {
        writeFileAtomic(resolve(args.manifest), result.text);
        written = true;
      }
      if (args.package) {
        const { renameHandlers } = await import('../../typecheck/rename-handlers.js');
        codemods.push(...(await renameHandlers(loaded.manifest, args.package)));
        codemods.push(...(await rewriteResults(findings, loaded.manifest, args.package)));
      }
    }

    const diagnostics: Diagnostic[] = findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      hint: f.hint,
      ...(f.pointer !== undefined ? { location: loaded.sourceMap.locate(f.pointer, { key: true }) } : {}),
    }));
    diagnostics.push(...codemods);
    const needsDecision = findings.some((f) => f.code === 'migrate/requires-input') || codemods.some((d) => d.severity === 'error');

    if (args.format === 'json') {
      io.out(
        JSON.stringify(
          {
            version: 1,
            file,
            from,
            to: args.to,
            path: revisionPath(from, args.to),
            written,
            findings: findings.map((f, i) => ({ ...jsonDiagnostic(diagnostics[i]!), action: f.action, step: f.step, definition: f.definition, field: f.field ?? null })),
            codemods: codemods.map(jsonDiagnostic),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      const path = revisionPath(from, args.to).join(' -> ');
      const edits = migration.edits.filter((e) => !findings.some((f) => f.code === 'migrate/requires-input' && f.edit === e));
      io.out(
        `${file}: ${from === args.to ? `already at ${from}` : path}. ` +
          `${findings.length} change${findings.length === 1 ? '' : 's'} for this manifest` +
          (args.write ? (written ? `; written (${edits.length} edit${edits.length === 1 ? '' : 's'}, revision: ${args.to}).` : '; nothing to write.') : '; nothing written (use --write).') +
          '\n',
      );
      printDiagnostics(io, diagnostics, 'text', loaded.sources, { summary: diagnostics.length > 0 });
    }
    return needsDecision ? 1 : 0;
  } catch (err) {
    return reportFailure(io, err, args.format === 'json' ? 'json' : 'text');
  }
}

/**
 * Going below 2025-06-18: handlers of tools with an outputSchema return
 * structuredContent, which the target lacks. Rewrites their result literals
 * where that is mechanical; a finding whose handler was fully rewritten no
 * longer needs a decision.
 */
async function rewriteResults(findings: MigrationFinding[], manifest: Manifest, packageDir: string): Promise<Diagnostic[]> {
  const affected = findings.filter((f) => f.code === 'migrate/requires-input' && f.definition === 'CallToolResult' && f.field === 'structuredContent' && f.pointer);
  if (!affected.length) return [];
  const [{ rewriteStructuredResults }, { toolIdentifiers }] = await Promise.all([
    import('../../typecheck/result-shape-codemod.js'),
    import('../../typecheck/rename-handlers.js'),
  ]);
  const ids = toolIdentifiers(manifest);
  const targets = affected.map((f) => {
    const index = Number(f.pointer!.split('/')[2]);
    return { identifier: ids[index]!, label: `tool ${JSON.stringify(manifest.tools[index]!.name)}`, finding: f };
  });
  const outcome = await rewriteStructuredResults(packageDir, targets);
  for (const t of targets) {
    if (!outcome.done.has(t.label)) continue;
    t.finding.code = 'migrate/note';
    t.finding.severity = 'info';
    t.finding.action = 'none';
    t.finding.message = `${t.label}: its handler's structuredContent results were rewritten as text content (see below).`;
  }
  return outcome.diagnostics;
}

/** An edit the file refused (inside a $ref'd file, ...) becomes a finding for a human. */
function refuse(findings: MigrationFinding[], edit: ManifestEdit, reason: string): void {
  const f = findings.find((x) => x.edit === edit);
  if (!f) {
    if (edit.op === 'set') findings.push({ code: 'migrate/requires-input', severity: 'warning', message: `"revision" could not be set: ${reason}.`, hint: 'Set it by hand.', action: 'requires-input', step: { from: '', to: '', direction: 'upgrade' }, definition: 'manifest' });
    return;
  }
  f.code = 'migrate/requires-input';
  f.action = 'requires-input';
  f.message = `${f.message.replace(/\.$/, '')}, but not written: ${reason}.`;
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    file: d.location?.file ?? null,
    line: d.location?.line ?? null,
    column: d.location?.column ?? null,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  };
}
