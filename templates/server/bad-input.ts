/**
 * `__proto__` in tool arguments. JSON.parse keeps it as an own key, but the
 * SDK's request parsing drops it silently, so a handler would never learn
 * that its input held it, and no schema could refuse it. It counts as an
 * additional property instead: the call is answered with the tool error an
 * invalid argument gets, naming it.
 */
import type { ServerResponse } from 'node:http';

/** The dotted path of the first own `__proto__` key inside `value` (as parsed by JSON.parse), or undefined. */
export function protoKeyPath(value: unknown, path: string[] = []): string | undefined {
  const trail = protoKeyTrail(value);
  return trail ? [...path, ...trail].join('.') : undefined;
}

/**
 * The keys down to the first own `__proto__` key, or undefined. It runs on
 * every tools/call, so the trail is built only on the way back from a find.
 */
function protoKeyTrail(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const trail = protoKeyTrail(value[i]);
      if (trail) {
        trail.unshift(String(i));
        return trail;
      }
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return [key];
    const trail = protoKeyTrail((value as Record<string, unknown>)[key]);
    if (trail) {
      trail.unshift(key);
      return trail;
    }
  }
  return undefined;
}

/** The tool error for a `tools/call` whose arguments hold `__proto__`, or undefined. */
export function protoKeyResult(message: unknown): unknown {
  if (!message || typeof message !== 'object') return undefined;
  const { method, id, params } = message as {
    method?: unknown;
    id?: unknown;
    params?: { name?: unknown; arguments?: unknown };
  };
  if (method !== 'tools/call' || id === undefined) return undefined;
  const path = protoKeyPath(params?.arguments);
  if (!path) return undefined;
  const text = `Input validation error: Invalid arguments for tool ${String(params?.name)}: ${path}: is not allowed`;
  return { jsonrpc: '2.0', id, result: { isError: true, content: [{ type: 'text', text }] } };
}

/** Answers (JSON) a single `tools/call` whose arguments hold `__proto__`; true when it did. */
export function answeredProtoKeys(res: ServerResponse, body: unknown): boolean {
  const result = Array.isArray(body) ? undefined : protoKeyResult(body);
  if (!result) return false;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(result));
  return true;
}
