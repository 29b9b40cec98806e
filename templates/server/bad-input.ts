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
 * The keys down to the first own `__proto__` key (depth first, in key
 * order), or undefined. JSON.parse accepts nesting of any depth, so the walk
 * keeps its own stack: recursion would overflow on a hostile line and crash
 * the server. It runs on every tools/call that may hold the key, so the
 * trail is only built from the stack when one is found.
 */
function protoKeyTrail(value: unknown): string[] | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const frames: { node: object; keys: string[] | undefined; next: number }[] = [];
  const enter = (node: object): void => {
    frames.push({
      node,
      keys: Array.isArray(node) ? undefined : Object.keys(node),
      next: 0,
    });
  };
  enter(value);
  while (frames.length) {
    const frame = frames[frames.length - 1]!;
    const { node, keys } = frame;
    if (frame.next >= (keys ? keys.length : (node as unknown[]).length)) {
      frames.pop();
      continue;
    }
    const i = frame.next++;
    if (keys && keys[i] === '__proto__') {
      return frames.map((f) => (f.keys ? f.keys[f.next - 1]! : String(f.next - 1)));
    }
    const child = keys ? (node as Record<string, unknown>)[keys[i]!] : (node as unknown[])[i];
    if (child && typeof child === 'object') enter(child);
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
  return {
    jsonrpc: '2.0',
    id,
    result: { isError: true, content: [{ type: 'text', text }] },
  };
}

/** Answers (JSON) a single `tools/call` whose arguments hold `__proto__`; true when it did. */
export function answeredProtoKeys(res: ServerResponse, body: unknown): boolean {
  const result = Array.isArray(body) ? undefined : protoKeyResult(body);
  if (!result) return false;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(result));
  return true;
}
