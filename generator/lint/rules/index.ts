/** Every lint rule, in the order they run. */
import type { LintRule } from '../rule.js';
import { revisionFieldsRule } from './revision-fields.js';

export const rules: LintRule[] = [revisionFieldsRule];
