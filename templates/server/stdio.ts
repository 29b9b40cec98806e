/**
 * stdio, hardened: a line filter between the process's stdin/stdout and the
 * SDK's StdioServerTransport. The SDK's transport drops a malformed line
 * without a reply, closes silently (exit 0) on a line above its buffer
 * limit, and abandons calls in flight when stdin ends. Here a malformed line
 * gets a -32700 reply, a non-JSON-RPC value or a refused batch -32600, an
 * over-long line a -32600 reply and a log line (the rest of it is skipped and
 * serving goes on), and when stdin ends the transport is told only after
 * every call in flight has been answered (at most MCP_SHUTDOWN_GRACE_MS,
 * default 10 s). console.log goes to stderr: stdout carries only JSON-RPC.
 */
import { PassThrough, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { protoKeyResult } from './bad-input.js';

export function hardenedStdioTransport(options: { batches: boolean }): StdioServerTransport {
  const maxLine = STDIO_DEFAULT_MAX_BUFFER_SIZE;
  const grace = Number(process.env.MCP_SHUTDOWN_GRACE_MS);
  const graceMs = Number.isFinite(grace) && grace >= 0 ? grace : 10_000;
  // Anything a handler logs must not corrupt the protocol stream.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;

  const toServer = new PassThrough();
  const pending = new Set<string>();
  let stdinEnded = false;
  const finishIfIdle = () => {
    if (stdinEnded && pending.size === 0 && !toServer.writableEnded) toServer.end();
  };
  const reply = (message: unknown) => process.stdout.write(JSON.stringify(message) + '\n');
  const refuse = (id: unknown, code: number, message: string) =>
    reply({
      jsonrpc: '2.0',
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: { code, message },
    });

  const forward = (value: unknown, line?: string) => {
    if (
      !value ||
      typeof value !== 'object' ||
      Array.isArray(value) ||
      (value as { jsonrpc?: unknown }).jsonrpc !== '2.0'
    ) {
      return refuse((value as { id?: unknown } | null)?.id, -32600, 'Invalid Request');
    }
    const proto = protoKeyResult(value);
    if (proto) return reply(proto);
    const { id, method } = value as { id?: unknown; method?: unknown };
    if (typeof method === 'string' && id !== undefined) pending.add(JSON.stringify(id));
    toServer.write((line ?? JSON.stringify(value)) + '\n');
  };

  const handleLine = (raw: string) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return refuse(null, -32700, 'Parse error');
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return refuse(null, -32600, 'Invalid Request: empty batch');
      if (!options.batches)
        return refuse(
          null,
          -32600,
          'Invalid Request: JSON-RPC batches are not supported by this protocol revision',
        );
      for (const m of value) forward(m);
      return;
    }
    forward(value, line);
  };

  const decoder = new StringDecoder('utf8');
  let partial = '';
  let skipping = false;
  process.stdin.on('data', (chunk: Buffer) => {
    let text = decoder.write(chunk);
    let newline: number;
    while ((newline = text.indexOf('\n')) >= 0) {
      const piece = text.slice(0, newline);
      text = text.slice(newline + 1);
      if (skipping) skipping = false;
      else handleLine(partial + piece);
      partial = '';
    }
    if (skipping) return;
    partial += text;
    if (partial.length > maxLine) {
      console.error(
        `[mcp] stdin: a message longer than ${maxLine} characters was refused (its id is unknown); skipping to the next line`,
      );
      refuse(null, -32600, `Invalid Request: message longer than ${maxLine} characters`);
      partial = '';
      skipping = true;
    }
  });
  process.stdin.on('end', () => {
    if (partial && !skipping) handleLine(partial);
    partial = '';
    stdinEnded = true;
    finishIfIdle();
    // Calls that never answer must not keep the process alive.
    setTimeout(() => toServer.end(), graceMs).unref();
  });

  // Outgoing: watch for the answers to calls in flight, then pass through.
  const fromServer = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      let answered: string | undefined;
      if (pending.size) {
        try {
          const m = JSON.parse(chunk.toString('utf8')) as { id?: unknown; method?: unknown };
          if (m.id !== undefined && m.method === undefined) answered = JSON.stringify(m.id);
        } catch {
          // not ours to judge: pass it on
        }
      }
      process.stdout.write(chunk, (err) => {
        if (answered !== undefined && pending.delete(answered)) finishIfIdle();
        callback(err ?? undefined);
      });
    },
  });
  return new StdioServerTransport(toServer, fromServer);
}
