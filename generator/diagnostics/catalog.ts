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
  'load/complex-key': {
    title: 'Mapping key is not plain text',
    cause: 'A YAML key is a list, a mapping or an alias (`? [a, b]: 1`); JSON has no such keys, and turning it into text would hide the mistake.',
    fix: 'Write the key as plain text at the location shown.',
  },
  'emit/schema-unsupported': {
    title: 'A tool schema cannot be turned into code',
    cause: 'The schema passed lint, but generating its TypeScript types or its validator failed (a construct mcpgen cannot express).',
    fix: 'Simplify the schema at the location shown (or move the construct under $defs); please report it with the schema.',
  },
  'output/format-failed': {
    title: 'Generated code could not be formatted',
    cause: 'prettier rejected generated code; this is a bug in mcpgen.',
    fix: 'Report it with the manifest that triggers it.',
  },
  'load/too-deep': {
    title: 'Document nested too deeply',
    cause: 'A mapping or sequence nests deeper than 128 levels (with $refs inlined); no manifest needs this, and hostile files use it to crash parsers.',
    fix: 'Flatten the structure at the location shown, or move shared schema parts to $defs.',
  },
  'load/alias-bomb': {
    title: 'YAML alias expands to too much',
    cause: 'Aliases (`*name`) that reference anchors full of other aliases expand exponentially (a "billion laughs" document).',
    fix: 'Write the repeated content out, or reference it fewer times.',
  },
  'load/encoding': {
    title: 'File is not UTF-8',
    cause: 'The file is UTF-16, or has bytes that are not valid UTF-8 (another encoding such as Latin-1).',
    fix: 'Save the file as UTF-8.',
  },
  'load/empty': {
    title: 'Manifest declares nothing',
    cause: 'The file is empty (or only comments, or `{}`): there is no server, tool, resource or prompt to check or generate.',
    fix: 'Declare a `server:` and at least one of `tools:`, `resources:`, `resourceTemplates:`, `prompts:`.',
  },
  'input/too-large': {
    title: 'File larger than the input limit',
    cause: 'A manifest or $ref target is larger than the limit (16 MB by default), or is endless.',
    fix: 'Raise the limit with --max-input-size (in MB) if the file is meant to be that large.',
  },
  'load/ref-outside-project': {
    title: '$ref leaves the project',
    cause: "A file $ref is an absolute path, climbs out of the manifest's folder with `..`, or is a link to a file outside it. Such files are never read.",
    fix: 'Copy the schema into a folder below the manifest and use a relative path.',
  },
  'load/ref-not-a-schema': {
    title: '$ref target is not a schema',
    cause: 'The referenced file (or fragment) is a string, number or array, not a JSON Schema object.',
    fix: 'Point the $ref at a schema object.',
  },
  'load/ref-siblings': {
    title: 'Keys beside a file $ref are dropped',
    cause: 'A file $ref is replaced by the schema it references; other keys of the same object are lost.',
    fix: 'Move the keys into the referenced schema, or combine both with allOf.',
  },
  'load/ref-local-in-target': {
    title: 'Referenced schema uses local refs',
    cause: 'A schema inlined from another file uses "#/..." references, which would point elsewhere once inlined.',
    fix: 'Refer to such definitions by file ("./defs.json#/$defs/Name").',
  },
  'load/ref-too-many': {
    title: 'Too many file $refs',
    cause: 'More than 1000 file $refs were followed for one manifest; each inlines a copy.',
    fix: 'Share definitions with local "#/$defs/..." references inside one schema file.',
  },
  'spec/too-large': {
    title: 'Downloaded schema too large',
    cause: 'The server announced or sent more than the size limit (8 MB); official schemas are well under 1 MB, so the server is not serving one.',
    fix: 'Check --base-url / MCPGEN_SPEC_BASE_URL.',
  },
  'output/locked': {
    title: 'Another run is writing the output folder',
    cause: 'Two mcpgen runs wrote one output folder at the same time; the second waited, then gave up.',
    fix: 'Let the first run finish. If no run exists (the lock names its pid), delete .mcpgen/lock.',
  },
  'output/out-is-link': {
    title: 'Output folder is a symbolic link',
    cause: 'Writing through a link could put generated files anywhere; mcpgen refuses unless asked.',
    fix: 'Pass --follow-out-link, or use the real folder as --out.',
  },
  'output/edited-overwritten': {
    title: 'Hand edit of a generated file overwritten',
    cause: 'A generated file no longer matches the hash mcpgen recorded for it: someone edited it, and the run rewrote it.',
    fix: 'Keep your code in the handler files, which mcpgen creates once and never overwrites.',
  },
  'output/interrupted': {
    title: 'Interrupted write',
    cause: 'A run was stopped (killed, power loss) while renaming files into place; its journal is still there.',
    fix: 'Run generate without --check: it rolls the interrupted write back, then writes.',
  },
  'output/stale-temp': {
    title: 'Leftover temporary file',
    cause: 'A staging or backup file (.mcpgen-tmp-*, .mcpgen-bak-*) of an interrupted run is in the output folder.',
    fix: 'Run generate without --check: it removes them.',
  },
  'migrate/field-dropped': {
    title: 'Field dropped by a migration',
    cause: 'The target revision has no such field (it was removed, or, going down, it is newer than the target), so `mcpgen migrate` removes it.',
    fix: 'Nothing to do unless you need the field: then target a revision that has it.',
  },
  'migrate/field-renamed': {
    title: 'Field renamed by a migration',
    cause: 'The target revision calls this field differently; `mcpgen migrate --write` renames it in place.',
    fix: 'Nothing to do; regenerate afterwards.',
  },
  'migrate/requires-input': {
    title: 'Migration needs a decision',
    cause: 'A change between the revisions cannot be applied mechanically (a rule the item breaks, a field in a $ref\'d file, a result shape your handler must change).',
    fix: 'Edit the item by hand as the message says, then run the migration again.',
  },
  'migrate/note': {
    title: 'Migration note',
    cause: 'A change between the revisions that your code may notice but that needs no edit of the manifest.',
    fix: 'Read the linked spec section; usually nothing to do.',
  },
  'typecheck/error': {
    title: 'Your code does not compile',
    cause: 'TypeScript reports an error in the generated package, usually in a handler whose tool, resource or prompt changed in the manifest. The message names the manifest item and where it is declared.',
    fix: 'Fix the handler at the location shown (or the manifest item it names), then run `mcpgen check` again.',
  },
  'typecheck/dependencies-missing': {
    title: 'Package dependencies not installed',
    cause: 'The generated package imports the MCP SDK, which is not installed, so nothing can be typechecked.',
    fix: 'Run `npm install` in the package folder.',
  },
  'typecheck/no-package': {
    title: 'Not a generated server package',
    cause: 'The folder has no tsconfig.json.',
    fix: 'Point --out at a folder written by `mcpgen generate --emit server`.',
  },
  'migrate/handler-renamed': {
    title: 'Handler renamed with its tool',
    cause: 'The tool declares `renamedFrom`; its handler file moved to the new name and the generated type names your code uses were renamed.',
    fix: 'Nothing to do; regenerate, then run `mcpgen check`.',
  },
  'migrate/handler-not-renamed': {
    title: 'Handler could not be renamed',
    cause: 'A tool declares `renamedFrom`, but its old handler is missing, or a handler already exists under the new name.',
    fix: 'Move or merge the handler by hand as the message says.',
  },
  'migrate/handler-rewritten': {
    title: 'Handler result rewritten',
    cause: 'The target revision has no structuredContent in tool results; a handler result literal was rewritten to return the same JSON as a text content block.',
    fix: 'Nothing to do; review the change in your handler.',
  },
  'config/invalid': {
    title: 'Invalid config',
    cause: 'The config file breaks mcpgen/config.schema.json, or names an unknown emitter, revision or target setting.',
    fix: 'Fix the value at the location (JSON/YAML) or path (TS/JS) shown; add "$schema" to a JSON or YAML config for editor completion.',
  },
  'config/load-failed': {
    title: 'Config file cannot be loaded',
    cause: 'A TypeScript config does not compile, a JS/TS config throws when run, or it has no default export.',
    fix: 'Fix the error shown; the config must `export default defineConfig({ ... })`.',
  },
  'plugin/invalid': {
    title: 'Emitter plug-in breaks the contract',
    cause: 'A plug-in cannot be found or loaded, does not export an emitter (name, description, files, emit), or wrote a file it did not declare.',
    fix: 'See docs/plugins.md; report contract violations to the plug-in author.',
  },
  'output/path-collision': {
    title: 'Two emitters write the same file',
    cause: 'Two emitters of one target produce the same path (for example two emitters writing at the target root).',
    fix: 'Move one emitter to another target.',
  },
  'hooks/failed': {
    title: 'A hook command failed',
    cause: 'A command from hooks.afterOneFileWrite or hooks.afterAllFileWrite exited non-zero; its output is shown.',
    fix: 'Fix the command (it runs in the config\'s folder with the written files as arguments).',
  },
  'spec/fetched': {
    title: 'Spec revision fetched on first use',
    cause: 'A pinned revision was not found locally, so it was downloaded into the user cache and checked against its pin.',
    fix: 'Nothing to do. Pass --offline (or "offline": true in the config) to forbid downloads.',
  },
  'output/package-json-merged': {
    title: 'package.json completed',
    cause: 'The package.json in the output folder is yours, but lacked dependencies or scripts the generated code needs.',
    fix: 'Nothing: the missing entries were added (existing ones are never changed). Run npm install.',
  },
  'output/package-json-unmerged': {
    title: 'package.json could not be completed',
    cause: 'The package.json in the output folder is not valid JSON, so the dependencies the generated code needs could not be added.',
    fix: 'Fix the JSON, then run generate again.',
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
