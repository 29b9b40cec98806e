/**
 * Whether this process keeps per-item results from one run for the next
 * (lint findings, laid-out JSON, type modules, validator chunks), so that a
 * re-run redoes only what an edit changed. Only `generate --watch` runs the
 * pipeline more than once per process; a one-shot run would pay each memo's
 * key (a JSON serialization of every item) and keep the results for nothing,
 * so memos are off unless the watcher turns them on.
 */
import { countWork } from './work-counts.js';

let kept = false;

/** Called once by `generate --watch` (and by tests that re-run in one process, as it does). */
export function keepRunMemos(on = true): void {
  kept = on;
}

export function runMemosKept(): boolean {
  return kept;
}

/**
 * `JSON.stringify(value)`, serialized once per run for the objects of one
 * IR (`ir`: the run's IR, which is built anew on every run): several memos
 * key the same tool object by its JSON (manifest.json's items and
 * metadata.ts's entries by the tool's wire object; type modules and
 * validator chunks by its input schema), and each serialization of a
 * 1,000-tool manifest is megabytes of strings per save. The IR is not
 * changed once built, so one serialization per object and run is its JSON.
 */
const jsonByRun = new WeakMap<object, WeakMap<object, string>>();

/**
 * Forgets the serializations made for `ir`'s objects: called after a
 * plug-in emitter ran, since nothing stops a plug-in from changing the IR
 * it was given (built-in emitters never do).
 */
export function forgetJsonOf(ir: object): void {
  jsonByRun.delete(ir);
}

export function jsonOf(ir: object, value: object): string {
  let known = jsonByRun.get(ir);
  if (!known) jsonByRun.set(ir, (known = new WeakMap()));
  let text = known.get(value);
  if (text === undefined) {
    countWork('memo-keys-serialized');
    known.set(value, (text = JSON.stringify(value)));
  }
  return text;
}

/**
 * A memo from one run to the next keyed by a JSON text (from `jsonOf`) and
 * a short key beside it. Two levels instead of one joined key: joining a
 * tool's JSON to a name makes a new string per lookup, which Map must
 * flatten and hash again (megabytes per save); the JSON string itself is
 * hashed once. Each `turn` (end of a run or call) drops what that run did
 * not use, so it holds at most two runs' entries.
 */
export class JsonKeyedMemo<V> {
  private previous = new Map<string, Map<string, V>>();
  private next = new Map<string, Map<string, V>>();

  get(json: string, key: string): V | undefined {
    return this.next.get(json)?.get(key) ?? this.previous.get(json)?.get(key);
  }

  set(json: string, key: string, value: V): void {
    let inner = this.next.get(json);
    if (!inner) this.next.set(json, (inner = new Map()));
    inner.set(key, value);
  }

  turn(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}

/**
 * A memo from one run to the next for items with a name of their own (a
 * tool's identifier or type name), holding the JSON each result was made
 * from: a lookup hashes the short name and compares the JSON (no hashing
 * of megabytes of JSON). A name whose JSON changed is made again.
 */
export class NamedJsonMemo<V> {
  private previous = new Map<string, { json: string; value: V }>();
  private next = new Map<string, { json: string; value: V }>();

  get(name: string, json: string): V | undefined {
    const known = this.next.get(name) ?? this.previous.get(name);
    return known !== undefined && known.json === json ? known.value : undefined;
  }

  set(name: string, json: string, value: V): void {
    this.next.set(name, { json, value });
  }

  turn(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}
