/** Every lint rule, in the order they run. */
import type { LintRule } from '../rule.js';
import { authRule } from './auth.js';
import { definitionsRule } from './definitions.js';
import { iconsRule } from './icons.js';
import { namesRule } from './names.js';
import { resourcesRule } from './resources.js';
import { renamedFromRule } from './renamed-from.js';
import { revisionFieldsRule } from './revision-fields.js';
import { textRule } from './text.js';
import { toolSchemasRule } from './tool-schemas.js';
import { xMcpHeaderRule } from './x-mcp-header.js';

export const rules: LintRule[] = [
  revisionFieldsRule,
  definitionsRule,
  namesRule,
  toolSchemasRule,
  xMcpHeaderRule,
  iconsRule,
  resourcesRule,
  authRule,
  textRule,
  renamedFromRule,
];
