/**
 * Names the official TypeScript SDK cannot register. McpServer
 * (@modelcontextprotocol/server 2.4.0) keeps tools, prompts and resource
 * templates in plain objects keyed by name and checks `registry[name]`
 * before registering, so a name inherited from Object.prototype
 * (`constructor`, `toString`, `__proto__`, ...) counts as "already
 * registered" and the server fails at start-up. Generated servers use only
 * the SDK's public API, so such a name is reported here, where it is written.
 */
import { joinPointer } from '../../load/json-pointer.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

export const sdkLimitsRule: LintRule = {
  id: 'sdk-limits',
  codes: {
    'sdk/reserved-name': {
      severity: 'error',
      title: 'Name the SDK cannot register',
      cause: 'The official TypeScript SDK (2.4.0) stores tools, prompts and resource templates in plain objects, so a name inherited from Object.prototype (constructor, toString, __proto__, hasOwnProperty, ...) is taken before it is registered and the generated server fails at start-up.',
      fix: 'Rename the tool, prompt or resource template.',
    },
  },
  check({ loaded }) {
    const m = loaded.manifest;
    const out: Finding[] = [];
    const sections = [
      ['tools', m.tools, 'Tool'],
      ['prompts', m.prompts, 'Prompt'],
      ['resourceTemplates', m.resourceTemplates, 'Resource template'],
    ] as const;
    for (const [section, items, label] of sections) {
      items.forEach((item, i) => {
        if (!isJsonObject(item) || typeof item.name !== 'string' || !INHERITED.has(item.name)) return;
        out.push({
          code: 'sdk/reserved-name',
          message: `${label} name ${JSON.stringify(item.name)} is inherited from Object.prototype; the official SDK cannot register it.`,
          pointer: joinPointer(`/${section}`, i, 'name'),
        });
      });
    }
    return out;
  },
};
