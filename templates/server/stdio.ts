/**
 * stdio, hardened: a transport on the process's stdin/stdout that implements
 * the SDK's public `Transport` and reads and writes messages exactly as the
 * SDK's StdioServerTransport does (one JSON-RPC message per line, checked by
 * the SDK's own `parseJSONRPCMessage`, written by its `serializeMessage`),
 * with what that transport lacks: it drops a malformed line without a
 * reply, closes silently (exit 0) on a line above its buffer limit, and
 * abandons calls in flight when stdin ends. Here a malformed line gets a
 * -32700 reply, a non-JSON-RPC value or a refused batch -32600, an over-long
 * line a -32600 reply and a log line (the rest of it is skipped and serving
 * goes on), and when stdin ends the transport closes only after every call
 * in flight has been answered (at most MCP_SHUTDOWN_GRACE_MS, default 10 s).
 * console.log goes to stderr: stdout carries only JSON-RPC.
 *
 * Each line is parsed once and handed to the server as a message: no second
 * parse, no stream in between (a filter in front of the SDK's transport cost
 * two extra JSON.parse calls and two stream hops on every call).
 */
import { StringDecoder } from 'node:string_decoder';
import {
  parseJSONRPCMessage,
  serializeMessage,
  STDIO_DEFAULT_MAX_BUFFER_SIZE,
  type JSONRPCMessage,
  type Transport,
} from '@modelcontextprotocol/server';
import { protoKeyResult } from './bad-input.js';

export function hardenedStdioTransport(options: { batches: boolean }): Transport {
  return new HardenedStdioTransport(options.batches);
}

class HardenedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly maxLine = STDIO_DEFAULT_MAX_BUFFER_SIZE;
  private readonly graceMs: number;
  /** Ids of requests received and not yet answered (a Set tells 1 from "1", as JSON-RPC does). */
  private readonly pending = new Set<string | number>();
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private skipping = false;
  private stdinEnded = false;
  private started = false;
  private closed = false;

  constructor(private readonly batches: boolean) {
    const grace = Number(process.env.MCP_SHUTDOWN_GRACE_MS);
    this.graceMs = Number.isFinite(grace) && grace >= 0 ? grace : 10_000;
    // Anything a handler logs must not corrupt the protocol stream.
    console.log = console.error;
    console.info = console.error;
    console.debug = console.error;
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('the stdio transport is already started');
    this.started = true;
    process.stdin.on('data', this.onData);
    process.stdin.on('end', this.onEnd);
    process.stdin.on('error', this.onStreamError);
    process.stdout.on('error', this.onStdoutError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the stdio transport is closed'));
    const m = message as { id?: unknown; method?: unknown };
    // The answer to a call in flight: once written, stdin's end may close the transport.
    const answered =
      (typeof m.id === 'string' || typeof m.id === 'number') && m.method === undefined
        ? m.id
        : undefined;
    const written = process.stdout.write(serializeMessage(message), () => {
      if (answered !== undefined && this.pending.delete(answered)) this.finishIfIdle();
    });
    if (written) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (err?: Error) => {
        process.stdout.off('drain', settle);
        process.stdout.off('error', settle);
        if (err) reject(err);
        else resolve();
      };
      process.stdout.once('drain', settle);
      process.stdout.once('error', settle);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.stdin.off('data', this.onData);
    process.stdin.off('end', this.onEnd);
    process.stdin.off('error', this.onStreamError);
    if (process.stdin.listenerCount('data') === 0) process.stdin.pause();
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer): void => {
    let text = this.decoder.write(chunk);
    let newline: number;
    while ((newline = text.indexOf('\n')) >= 0) {
      const piece = text.slice(0, newline);
      text = text.slice(newline + 1);
      if (this.skipping) this.skipping = false;
      else this.handleLine(this.partial + piece);
      this.partial = '';
    }
    if (this.skipping) return;
    this.partial += text;
    if (this.partial.length > this.maxLine) {
      console.error(
        `[mcp] stdin: a message longer than ${this.maxLine} characters was refused (its id is unknown); skipping to the next line`,
      );
      this.refuse(null, -32600, `Invalid Request: message longer than ${this.maxLine} characters`);
      this.partial = '';
      this.skipping = true;
    }
  };

  private readonly onEnd = (): void => {
    if (this.partial && !this.skipping) this.handleLine(this.partial);
    this.partial = '';
    this.stdinEnded = true;
    this.finishIfIdle();
    // Calls that never answer must not keep the process alive.
    setTimeout(() => void this.close(), this.graceMs).unref();
  };

  private readonly onStreamError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onStdoutError = (error: Error): void => {
    if (this.closed) return;
    this.onerror?.(error);
    void this.close();
  };

  private finishIfIdle(): void {
    if (this.stdinEnded && this.pending.size === 0) void this.close();
  }

  private reply(message: unknown): void {
    process.stdout.write(JSON.stringify(message) + '\n');
  }

  private refuse(id: unknown, code: number, message: string): void {
    this.reply({
      jsonrpc: '2.0',
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: { code, message },
    });
  }

  private handleLine(raw: string): void {
    if (this.closed) return;
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.refuse(null, -32700, 'Parse error');
    }
    // A key JSON.parse reads as `__proto__` is spelled so in the line, or with a \u escape.
    const mayHoldProto = line.includes('__proto__') || line.includes('\\u');
    if (Array.isArray(value)) {
      if (value.length === 0) return this.refuse(null, -32600, 'Invalid Request: empty batch');
      if (!this.batches)
        return this.refuse(
          null,
          -32600,
          'Invalid Request: JSON-RPC batches are not supported by this protocol revision',
        );
      for (const m of value) this.forward(m, mayHoldProto);
      return;
    }
    this.forward(value, mayHoldProto);
  }

  private forward(value: unknown, mayHoldProto: boolean): void {
    if (
      !value ||
      typeof value !== 'object' ||
      Array.isArray(value) ||
      (value as { jsonrpc?: unknown }).jsonrpc !== '2.0'
    ) {
      return this.refuse((value as { id?: unknown } | null)?.id, -32600, 'Invalid Request');
    }
    const proto = mayHoldProto ? protoKeyResult(value) : undefined;
    if (proto) return this.reply(proto);
    try {
      // The SDK's own check of a line (StdioServerTransport parses each one with it);
      // a message it refuses, or a handler that throws, is reported as that transport does.
      const message = parseJSONRPCMessage(value);
      const { id, method } = value as { id?: unknown; method?: unknown };
      if (typeof method === 'string' && (typeof id === 'string' || typeof id === 'number'))
        this.pending.add(id);
      this.onmessage?.(message);
    } catch (err) {
      this.onerror?.(err instanceof Error ? err : new Error(String(err)));
    }
  }
}
