/**
 * Every diagnostic code mcpgen emits outside the lint rules, with what causes
 * it and how to fix it. `mcpgen lint --explain CODE` and the docs page read
 * this catalog; `satisfies` keeps every entry complete.
 */

export interface CatalogEntry {
  title: string;
  cause: string;
  fix: string;
}

export const coreCatalog = {
  'usage/invalid': {
    title: 'Invalid command line',
    cause: 'An option is missing, unknown or has a value mcpgen cannot use.',
    fix: 'Run the command with --help to see its options.',
  },
  'input/unreadable': {
    title: 'File cannot be read',
    cause: 'The file does not exist, is a directory, or is not readable.',
    fix: 'Check the path (relative paths are resolved from the current directory).',
  },
  'load/yaml-syntax': {
    title: 'YAML or JSON syntax error',
    cause: 'The manifest is not well-formed YAML (JSON is a subset of YAML).',
    fix: 'Fix the syntax at the location shown.',
  },
  'load/duplicate-key': {
    title: 'Duplicate key',
    cause: 'A mapping declares the same key twice; only one value could be kept.',
    fix: 'Remove or rename one of the keys.',
  },
  'load/not-an-object': {
    title: 'Manifest is not an object',
    cause: 'The top level of a manifest must be a mapping (YAML) or an object (JSON).',
    fix: 'Start the manifest with keys such as `server:` and `tools:`.',
  },
  'load/unknown-key': {
    title: 'Unknown top-level key',
    cause: 'The manifest has a key mcpgen does not know; it would be silently ignored.',
    fix: 'Use one of: revision, server, instructions, tools, resources, resourceTemplates, prompts, auth.',
  },
  'load/wrong-type': {
    title: 'Value of the wrong type',
    cause: 'A manifest section has the wrong JSON type (for example `tools` must be an array).',
    fix: 'Change the value to the type named in the message.',
  },
  'load/ref-not-found': {
    title: '$ref target not found',
    cause: 'An inputSchema or outputSchema `$ref` names a file (or a fragment) that does not exist.',
    fix: 'Check the path; it is resolved relative to the manifest that contains the $ref.',
  },
  'load/ref-remote': {
    title: 'Remote $ref refused',
    cause: 'A `$ref` points to a URL. mcpgen never fetches schemas over the network while generating.',
    fix: 'Download the schema next to the manifest and refer to it by relative path.',
  },
  'load/ref-cycle': {
    title: '$ref cycle between files',
    cause: 'A file-level `$ref` leads back to a file that is already being resolved.',
    fix: 'Break the cycle by inlining one of the schemas.',
  },
  'load/merge-conflict': {
    title: 'Manifests disagree',
    cause: 'Two merged manifests set the same single-valued section (revision, server, instructions, auth) to different values.',
    fix: 'Declare that section in one manifest only.',
  },
  'spec/unknown-revision': {
    title: 'Unknown protocol revision',
    cause: 'The revision is not one of the revisions mcpgen knows.',
    fix: 'Run `mcpgen spec list` to see the known revisions.',
  },
  'spec/missing': {
    title: 'Schema for a revision not found',
    cause: 'No spec directory searched holds `<revision>/schema.json`.',
    fix: 'Run `mcpgen spec pull <revision>`, or point --spec-dir / MCPGEN_SPEC_DIR at a folder that has it.',
  },
  'spec/hash-mismatch': {
    title: 'Schema file does not match its pin',
    cause: "The file's sha256 differs from the hash mcpgen pins for that revision: it was modified or is not the official file.",
    fix: 'Run `mcpgen spec pull <revision>` to fetch the official file, or pass --allow-unpinned to use it anyway.',
  },
  'spec/invalid-json': {
    title: 'Schema file is not valid JSON',
    cause: 'The schema file could not be parsed, or lacks its definitions section.',
    fix: 'Fetch it again with `mcpgen spec pull <revision>`.',
  },
  'spec/download-failed': {
    title: 'Download failed',
    cause: 'The specification file could not be downloaded (HTTP error, connection closed, or no network).',
    fix: 'Check the network or --base-url, or copy the schema into a spec directory by hand.',
  },
  'output/outside-dir': {
    title: 'Path escapes the output folder',
    cause: 'A generated path would land outside --out (for example a tool named `../../x`).',
    fix: 'This is refused on purpose; rename the object whose name produced the path.',
  },
  'output/stale': {
    title: 'Generated file is stale',
    cause: 'The file on disk differs from what mcpgen would generate now.',
    fix: 'Run the same command without --check to regenerate.',
  },
  'output/missing': {
    title: 'Generated file is missing',
    cause: 'mcpgen would generate this file but it is not on disk.',
    fix: 'Run the same command without --check to regenerate.',
  },
  'output/orphaned': {
    title: 'Orphaned generated file',
    cause: 'mcpgen generated this file before, but would not generate it now.',
    fix: 'Run the same command without --check; it removes orphans it generated and has not been edited.',
  },
  'output/orphan-edited': {
    title: 'Orphaned generated file was edited; kept',
    cause: 'mcpgen would no longer generate this file, but it has been edited since, so it is kept.',
    fix: 'Delete the file yourself if you no longer need it.',
  },
  'output/user-file-kept': {
    title: 'User-owned file kept',
    cause: 'The file belongs to you (created once by mcpgen); it is never overwritten.',
    fix: 'Nothing to do. Delete it to get a fresh stub on the next run.',
  },
  'output/user-file-orphaned': {
    title: 'User-owned file no longer used',
    cause: 'mcpgen created this file (a handler stub, for example) for something the manifest no longer declares. It is yours, so it is never deleted.',
    fix: 'Delete the file, or move its code to where it is needed now. A handler left in place no longer compiles once its type is gone.',
  },
  'output/would-overwrite': {
    title: 'Refusing to overwrite a file mcpgen did not generate',
    cause: 'A file that mcpgen did not generate (no header, not in the output index) is where generated output would go.',
    fix: 'Move the file away, or choose another --out folder.',
  },
  'output/write-failed': {
    title: 'Write failed',
    cause: 'A file could not be written (permissions, disk full, or a folder in the way).',
    fix: 'Check the output folder; nothing was left half-written.',
  },
  'output/format-failed': {
    title: 'Generated code could not be formatted',
    cause: 'prettier rejected generated code; this is a bug in mcpgen.',
    fix: 'Report it with the manifest that triggers it.',
  },
  'import/connect-failed': {
    title: 'Cannot import from the server',
    cause: '`mcpgen import` could not start or reach the MCP server, or the server failed while listing what it offers.',
    fix: 'Run the --stdio command yourself, or check the --url and --header values; the message says what failed.',
  },
  'import/existing-unusable': {
    title: 'Existing manifest cannot be updated',
    cause: 'The --out file exists but is not a YAML mapping, so `mcpgen import` cannot update it in place.',
    fix: 'Fix the file or choose another --out; it was not changed.',
  },
} satisfies Record<string, CatalogEntry>;

export type CoreCode = keyof typeof coreCatalog;
