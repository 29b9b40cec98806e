/** Every lint rule, in the order they run. */
import type { LintRule } from '../rule.js';
import { authRule } from './auth.js';
import { definitionsRule } from './definitions.js';
import { iconsRule } from './icons.js';
import { identifierCollisionsRule } from './identifier-collisions.js';
import { namesRule } from './names.js';
import { publishRule } from './publish.js';
import { resourcesRule } from './resources.js';
import { renamedFromRule } from './renamed-from.js';
import { revisionFieldsRule } from './revision-fields.js';
import { textRule } from './text.js';
import { toolSchemasRule } from './tool-schemas.js';
import { unknownKeysRule } from './unknown-keys.js';
import { xMcpHeaderRule } from './x-mcp-header.js';
import { sdkLimitsRule } from './sdk-limits.js';
import { serverOptionsRule } from './server-options.js';

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
  sdkLimitsRule,
  serverOptionsRule,
  publishRule,
  unknownKeysRule,
  identifierCollisionsRule,
  renamedFromRule,
];
