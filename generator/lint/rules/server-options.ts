/**
 * The server-level manifest sections a generated server is constructed
 * with: `compatibleRevisions` (older revisions it also accepts) and
 * `capabilities` (validated against the revision's ServerCapabilities by the
 * definitions rule), and what they imply for tools: a tool that supports
 * task-augmented calls needs the tasks capability.
 * @see ../../../../shared/docs/mcp-revisions.md
 */
import { joinPointer } from '../../load/json-pointer.js';
import { compareRevisions, findRevision } from '../../spec/revisions.js';
import { isJsonObject } from '../checks/schema-walk.js';
import type { Finding, LintRule } from '../rule.js';

export const serverOptionsRule: LintRule = {
  id: 'server-options',
  codes: {
    'server/compatible-revision': {
      severity: 'error',
      title: 'compatibleRevisions entry cannot be served',
      cause: 'Each compatible revision must be a known revision older than the target, and the target must have the initialize handshake (a stateless revision negotiates per request).',
      fix: 'List only older revisions with sessions, or remove compatibleRevisions.',
    },
    'server/task-support-without-tasks': {
      severity: 'error',
      title: 'Tool supports tasks but the server declares no tasks capability',
      cause: 'A tool with `execution.taskSupport` "optional" or "required" can be called as a task only when the server declares `capabilities.tasks`.',
      fix: 'Declare `capabilities.tasks` (2025-11-25 on), or set taskSupport to "forbidden".',
    },
  },
  check({ loaded, spec, ir }) {
    const m = loaded.manifest;
    const out: Finding[] = [];
    const target = spec.revision.id;
    (Array.isArray(m.compatibleRevisions) ? m.compatibleRevisions : []).forEach((r: unknown, i) => {
      const pointer = joinPointer('/compatibleRevisions', i);
      const known = typeof r === 'string' ? findRevision(r) : undefined;
      if (!known || known.status !== 'final') {
        out.push({ code: 'server/compatible-revision', message: `${JSON.stringify(r)} is not a final MCP revision.`, pointer });
      } else if (ir.features.statelessHttp) {
        out.push({ code: 'server/compatible-revision', message: `Revision ${target} is stateless and negotiates per request; compatibleRevisions does not apply.`, pointer });
      } else if (compareRevisions(known.id, target) >= 0) {
        out.push({ code: 'server/compatible-revision', message: `Revision ${known.id} is not older than the target revision ${target}.`, pointer });
      }
    });
    const tasks = isJsonObject(ir.capabilities) && ir.capabilities.tasks !== undefined;
    ir.tools.forEach((t) => {
      const execution = t.wire.execution;
      if (tasks || !isJsonObject(execution)) return;
      const support = execution.taskSupport;
      if (support === 'optional' || support === 'required') {
        out.push({
          code: 'server/task-support-without-tasks',
          message: `Tool ${JSON.stringify(t.name)} has execution.taskSupport ${JSON.stringify(support)}, but the manifest declares no capabilities.tasks.`,
          pointer: joinPointer(t.pointer, 'execution', 'taskSupport'),
        });
      }
    });
    return out;
  },
};
