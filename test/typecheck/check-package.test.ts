/**
 * User code after a manifest change: `generate --typecheck` / `mcpgen check`
 * typecheck the generated package with the user's handlers in-process and
 * report each error at the user's file:line:col with the manifest item and its
 * location; `migrate --write --package` renames the handler of a tool that
 * declares renamedFrom, and the package still compiles.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkNodeModules } from '../e2e/server-package.js';
import { spawnSync } from 'node:child_process';
import { cliBin } from '../helpers/paths.js';
import { samplesDir, tempDir } from '../helpers/paths.js';

const ALERTS_HANDLER = `import type { GetAlertsHandler, GetAlertsInput } from '../../generated/types.js';

/** Tool "get_alerts". */
export function describeAlerts(input: GetAlertsInput): string {
  return \`alerts for \${input.state}\`;
}

export const handler: GetAlertsHandler = async (input) => ({
  content: [{ type: 'text', text: describeAlerts(input) }],
});
`;

const EXTRA = `import { describeAlerts } from './handlers/tools/getAlerts.js';
export const sample: string = describeAlerts({ state: 'CA' });
`;

/** The CLI as a process, with room for TypeScript on a busy two-core machine. */
function runCliProcess(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [cliBin, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A weather package in a fresh folder (manifest beside it), with a real handler and a user module importing it. */
function setup(): { dir: string; pkg: string; manifest: string } {
  const dir = tempDir('mcpgen-check-');
  cpSync(join(samplesDir, 'weather', 'mcp.yaml'), join(dir, 'mcp.yaml'));
  cpSync(join(samplesDir, 'weather', 'schemas'), join(dir, 'schemas'), { recursive: true });
  const pkg = join(dir, 'server');
  const r = runCliProcess(['generate', '-m', 'mcp.yaml', '-e', 'manifest,server', '-o', 'server'], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  linkNodeModules(pkg);
  writeFileSync(join(pkg, 'src', 'handlers', 'tools', 'getAlerts.ts'), ALERTS_HANDLER);
  writeFileSync(join(pkg, 'src', 'extra.ts'), EXTRA);
  return { dir, pkg, manifest: join(dir, 'mcp.yaml') };
}

function editManifest(file: string, edit: (text: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

describe('generate --typecheck and check', { timeout: 300_000 }, () => {
  let ws: ReturnType<typeof setup>;
  beforeAll(() => {
    ws = setup();
  }, 300_000);

  it('a package whose handlers compile: exit 0', () => {
    const r = runCliProcess(['check', '-m', 'mcp.yaml', '-o', 'server'], { cwd: ws.dir });
    expect(r.stderr).toContain('server compiles');
    expect(r.code).toBe(0);
  });

  it('a handler broken by a manifest change is reported at the handler and at the manifest item, exit 1', () => {
    editManifest(ws.manifest, (t) => t.replace('      properties:\n        state:\n', '      properties:\n        region:\n').replace('required: [state]\n', 'required: [region]\n'));
    // A handler left behind by a removed tool names no manifest item.
    writeFileSync(join(ws.pkg, 'src', 'handlers', 'tools', 'retired.ts'), "import type { RetiredHandler } from '../../generated/types.js';\nexport const handler: RetiredHandler = async () => ({ content: [] });\n");
    const r = runCliProcess(['generate', '-m', 'mcp.yaml', '-e', 'manifest,server', '-o', 'server', '--typecheck'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/retired\.ts:1:15 {2}error {2}typecheck\/error {2}src\/handlers\/tools\/retired\.ts \(no manifest item has this handler/);
    // The user's file:line:col, then the manifest item and where it is declared.
    expect(r.stderr).toMatch(/server\/src\/handlers\/tools\/getAlerts\.ts:5:30 {2}error {2}typecheck\/error {2}tool "get_alerts" \(mcp\.yaml:49:5\): TS2339: Property 'state' does not exist on type 'GetAlertsInput'\./);
    expect(r.stderr).toContain("extra.ts");

    const json = runCliProcess(['check', '-m', 'mcp.yaml', '-o', 'server', '--format', 'json'], { cwd: ws.dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'server/src/handlers/tools/getAlerts.ts', line: 5, column: 30, code: 'typecheck/error', severity: 'error' }));

    const sarif = runCliProcess(['check', '-m', 'mcp.yaml', '-o', 'server', '--format', 'sarif'], { cwd: ws.dir });
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.runs[0].results[0].ruleId).toBe('typecheck/error');
  });

  it('a package without installed dependencies is exit 2 with one diagnostic saying so', () => {
    const bare = tempDir('mcpgen-check-bare-');
    cpSync(join(samplesDir, 'weather', 'generated', '2025-11-25'), bare, { recursive: true });
    const r = runCliProcess(['check', '-m', join(samplesDir, 'weather', 'mcp.yaml'), '-r', '2025-11-25', '-o', bare]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typecheck/dependencies-missing');
    expect(r.stderr).not.toContain('typecheck/error');
  });
});

describe('renamedFrom: the handler follows its tool', { timeout: 600_000 }, () => {
  it('renames the handler file, its generated type names and the imports of it; the package compiles', () => {
    const ws = setup();
    editManifest(ws.manifest, (t) => t.replace('  - name: get_alerts\n', '  - name: fetch_alerts\n    renamedFrom: get_alerts\n'));

    // The user regenerates first: generate writes a stub for the new name, and the old handler is orphaned.
    const before = runCliProcess(['generate', '-m', 'mcp.yaml', '-e', 'manifest,server', '-o', 'server'], { cwd: ws.dir });
    expect(before.code).toBe(0);
    expect(before.stderr).toContain('output/user-file-orphaned');

    const generatedIndex = join(ws.pkg, 'src', 'generated', 'handlers.ts');
    const generatedBefore = readFileSync(generatedIndex, 'utf8');
    const r = runCliProcess(['migrate', 'mcp.yaml', '--to', '2025-11-25', '--write', '--package', 'server'], { cwd: ws.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('migrate/handler-renamed');
    expect(r.stderr).toContain('replacing the unedited stub generated there');
    const tools = join(ws.pkg, 'src', 'handlers', 'tools');
    expect(existsSync(join(tools, 'getAlerts.ts'))).toBe(false);
    const moved = readFileSync(join(tools, 'fetchAlerts.ts'), 'utf8');
    expect(moved).toContain("import type { FetchAlertsHandler, FetchAlertsInput } from '../../generated/types.js';");
    expect(moved).toContain('export function describeAlerts(input: FetchAlertsInput): string');
    expect(moved).toContain('Tool "fetch_alerts"');
    expect(readFileSync(join(ws.pkg, 'src', 'extra.ts'), 'utf8')).toContain("from './handlers/tools/fetchAlerts.js'");
    // The generated layer is never written by the codemod (generate owns it).
    expect(readFileSync(generatedIndex, 'utf8')).toBe(generatedBefore);

    const after = runCliProcess(['generate', '-m', 'mcp.yaml', '-e', 'manifest,server', '-o', 'server', '--typecheck'], { cwd: ws.dir });
    expect(after.stderr).toContain('server compiles');
    expect(after.code).toBe(0);
    // The wire never sees renamedFrom.
    expect(readFileSync(join(ws.pkg, 'manifest.json'), 'utf8')).not.toContain('renamedFrom');
  });

  it('--package without --write is a usage error (exit 2)', () => {
    const r = runCliProcess(['migrate', join(samplesDir, 'weather', 'mcp.yaml'), '--to', '2025-11-25', '--package', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs --write');
  });
});
