/**
 * The session registry copied into generated servers (templates/server/sessions.ts):
 * ownership, per-principal caps and fair eviction at the global cap. Runs on
 * real SDK transports; the HTTP behaviour is covered end to end in
 * test/e2e/server-security.test.ts.
 */
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { describe, expect, it } from 'vitest';
import { SessionRegistry, type Session } from '../../templates/server/sessions.js';

let next = 0;
function session(owner: string): Session {
  return { id: `s${next++}`, owner, transport: new NodeStreamableHTTPServerTransport({ sessionIdGenerator: () => 'x' }), lastUsed: Date.now(), busy: 0 };
}

describe('SessionRegistry', () => {
  it('finds a session only for its owner', () => {
    const r = new SessionRegistry({ max: 10, perPrincipal: 10, idleMs: 60_000 });
    const s = session('alice');
    r.add(s);
    expect(r.get(s.id, 'alice')).toBe(s);
    expect(r.get(s.id, 'bob')).toBeUndefined();
    expect(r.get(s.id, '')).toBeUndefined();
  });

  it('evicts the least recently used idle session of a principal at its cap, never a busy one', () => {
    const r = new SessionRegistry({ max: 100, perPrincipal: 2, idleMs: 60_000 });
    const [a, b] = [session('alice'), session('alice')];
    r.add(a);
    r.add(b);
    r.use(a)(); // a is now the most recently used
    expect(r.makeRoom('alice')).toBe(true);
    expect(r.get(b.id, 'alice')).toBeUndefined();
    expect(r.get(a.id, 'alice')).toBe(a);
    const c = session('alice');
    r.add(c);
    r.use(a);
    r.use(c); // both busy, not released
    expect(r.makeRoom('alice')).toBe(false);
    expect(r.makeRoom('bob')).toBe(true);
  });

  it('at the global cap takes room from the principal holding the most sessions', () => {
    const r = new SessionRegistry({ max: 4, perPrincipal: 10, idleMs: 60_000 });
    const flood = [session('mallory'), session('mallory'), session('mallory')];
    const own = session('alice');
    r.add(own);
    for (const s of flood) r.add(s);
    expect(r.makeRoom('bob')).toBe(true);
    expect(r.size).toBe(3);
    expect(r.get(own.id, 'alice')).toBe(own);
    expect(r.get(flood[0]!.id, 'mallory')).toBeUndefined();
  });
});
