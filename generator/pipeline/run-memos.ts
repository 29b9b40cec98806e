/**
 * Whether this process keeps per-item results from one run for the next
 * (lint findings, laid-out JSON, type modules, validator chunks), so that a
 * re-run redoes only what an edit changed. Only `generate --watch` runs the
 * pipeline more than once per process; a one-shot run would pay each memo's
 * key and keep the results for nothing, so memos are off unless the watcher
 * turns them on.
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
 * Counts the times the objects of a run may have been changed after they
 * were built: a plug-in emitter ran (nothing stops one from changing the IR
 * it was given; built-in emitters never do). Memos keyed by object identity
 * (ObjectMemo: the JSON below, the IR's tools, lint's schema indexes...) keep
 * what they learnt only within one such generation.
 */
let generation = 0;

export function objectMemoGeneration(): number {
  return generation;
}

/** Forgets everything learnt from objects by identity: called after a plug-in emitter ran. */
export function forgetObjectMemos(): void {
  generation++;
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
 * A memo of what is derived from one object of the manifest or the IR
 * (read-only once built), kept from run to run while the process keeps
 * memos: an unchanged item is the same object in the next run
 * (reuse-unchanged.ts), so its result is found by identity. Emptied when
 * object memos are forgotten (a plug-in emitter ran). In a one-shot run it
 * keeps nothing, unless made to (see the constructor).
 */
export class ObjectMemo<K extends object, V> {
  private known = new WeakMap<K, V>();
  private generation = generation;

  private readonly inOneShotRuns: boolean;

  /**
   * `inOneShotRuns`: keep results in a one-shot run as well, for a result
   * that more than one emitter of the run asks for (the server and the
   * client emit the same metadata module).
   */
  constructor(options: { inOneShotRuns?: boolean } = {}) {
    this.inOneShotRuns = options.inOneShotRuns === true;
  }

  get(key: K): V | undefined {
    if (!kept && !this.inOneShotRuns) return undefined;
    if (this.generation !== generation) {
      this.known = new WeakMap();
      this.generation = generation;
    }
    return this.known.get(key);
  }

  set(key: K, value: V): void {
    if ((kept || this.inOneShotRuns) && this.generation === generation) this.known.set(key, value);
  }

  /** The memo's value for `key`, made by `make` when there is none. */
  of(key: K, make: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make(key);
      this.set(key, value);
    }
    return value;
  }
}

/**
 * `JSON.stringify(value)`, serialized once per object: the memos keyed by
 * JSON (manifest.json's items by the tool's wire object, validator chunks by
 * the schema) would otherwise serialize a 1,000-tool manifest, megabytes of
 * strings, per save. The manifest and the IR are read-only once built, and
 * `generate --watch` hands the next run the very objects of the items an
 * edit left as they were (pipeline/reuse-unchanged.ts), so an unchanged item
 * keeps its JSON string from run to run: those memos then compare and hash
 * the same string instance (V8 keeps a string's hash).
 */
const jsons = new ObjectMemo<object, string>();

/** The value's JSON; serialized on every call when memos are not kept (only the watcher's memos ask for it). */
export function jsonOf(value: object): string {
  return jsons.of(value, serialize);
}

function serialize(value: object): string {
  countWork('memo-keys-serialized');
  return JSON.stringify(value);
}
