/**
 * Which manifest item a file of a generated server package belongs to: a
 * handler stub `src/handlers/tools/getForecast.ts` is tool "get_forecast",
 * declared at `mcp.yaml:21:5`. Typecheck errors and codemods report through it.
 */
import type { IR, IrNamed } from '../ir/model.js';
import type { SourceMap } from '../load/source-map.js';
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { handlerPath, type HandlerKind } from '../emit/server/paths.js';

export interface PackageItem {
  kind: HandlerKind;
  /** `tool "get_forecast"`. */
  label: string;
  identifier: string;
  /** The handler file, relative to the package. */
  handlerFile: string;
  /** Where the manifest declares the item. */
  manifestLocation?: SourceLocation;
}

const LABEL: Record<HandlerKind, string> = { tools: 'tool', resources: 'resource', resourceTemplates: 'resource template', prompts: 'prompt' };

export class PackageItems {
  private readonly byFile = new Map<string, PackageItem>();
  private readonly byLocal = new Map<string, PackageItem>();

  constructor(ir: IR, sourceMap: SourceMap) {
    const lists: [HandlerKind, IrNamed[]][] = [
      ['tools', ir.tools],
      ['resources', ir.resources],
      ['resourceTemplates', ir.resourceTemplates],
      ['prompts', ir.prompts],
    ];
    for (const [kind, list] of lists) {
      for (const i of list) {
        const item: PackageItem = {
          kind,
          label: `${LABEL[kind]} ${JSON.stringify(i.name)}`,
          identifier: i.identifier,
          handlerFile: handlerPath(kind, i.identifier),
          manifestLocation: sourceMap.locate(i.pointer),
        };
        this.byFile.set(item.handlerFile, item);
        // The local name generated/handlers.ts imports the handler under.
        this.byLocal.set(`$${kind}$${i.identifier}`, item);
      }
    }
  }

  /** The item whose handler file this is (path relative to the package, `/` separators). */
  forFile(relative: string): PackageItem | undefined {
    return this.byFile.get(relative);
  }

  /** The item a line of `src/generated/handlers.ts` refers to. */
  forGeneratedLine(line: string): PackageItem | undefined {
    const m = /\$(tools|resources|resourceTemplates|prompts)\$[A-Za-z0-9_]+/.exec(line);
    return m ? this.byLocal.get(m[0]) : undefined;
  }
}
