/**
 * Open Streamable HTTP sessions, each owned by the principal that created it.
 * A request naming a session of another principal finds nothing (404, as if
 * it did not exist). Sessions are capped per principal and in total; at a cap
 * the least recently used idle session (no request or stream in flight) is
 * evicted before a new one is refused, so one principal's flood only ever
 * displaces its own sessions, and a full server makes room by evicting from
 * the principal holding the most.
 */
import type { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';

export interface Session {
  id: string;
  owner: string;
  transport: NodeStreamableHTTPServerTransport;
  lastUsed: number;
  /** Requests and streams in flight: a busy session is never evicted. */
  busy: number;
}

export interface SessionLimits {
  /** Total open sessions. */
  max: number;
  /** Open sessions per principal. */
  perPrincipal: number;
  /** A session unused this long is closed (clients that vanish never send DELETE). */
  idleMs: number;
}

export class SessionRegistry {
  /** Per owner, sessions in least-recently-used order (Map keeps insertion order; use re-inserts). */
  private readonly byOwner = new Map<string, Map<string, Session>>();
  private readonly byId = new Map<string, Session>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly limits: SessionLimits) {
    // unref(): the sweep never keeps the process alive.
    this.timer = setInterval(
      () => this.sweep(),
      Math.max(50, Math.min(limits.idleMs / 2, 60_000)),
    ).unref();
  }

  get size(): number {
    return this.byId.size;
  }

  /** The session, only if `owner` created it. */
  get(id: string, owner: string): Session | undefined {
    const session = this.byId.get(id);
    if (!session || session.owner !== owner) return undefined;
    if (Date.now() - session.lastUsed > this.limits.idleMs && session.busy === 0) {
      this.evict(session);
      return undefined;
    }
    return session;
  }

  /** Marks a session used and in flight until `done` is called. */
  use(session: Session): () => void {
    session.lastUsed = Date.now();
    session.busy++;
    const own = this.byOwner.get(session.owner);
    if (own) {
      own.delete(session.id);
      own.set(session.id, session);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      session.busy--;
      session.lastUsed = Date.now();
    };
  }

  /**
   * Room for one more session of `owner`: evicts an idle session if a cap is
   * reached. False when every candidate is busy (the caller answers 503).
   */
  makeRoom(owner: string): boolean {
    const own = this.byOwner.get(owner);
    if (own && own.size >= this.limits.perPrincipal) {
      const victim = oldestIdle(own);
      if (!victim) return false;
      this.evict(victim);
    }
    if (this.byId.size < this.limits.max) return true;
    // Full: take from the principal holding the most sessions (the flooder), never from a busy one.
    const owners = [...this.byOwner.values()].sort((a, b) => b.size - a.size);
    for (const sessions of owners) {
      const victim = oldestIdle(sessions);
      if (victim) {
        this.evict(victim);
        return true;
      }
    }
    return false;
  }

  add(session: Session): void {
    this.byId.set(session.id, session);
    let own = this.byOwner.get(session.owner);
    if (!own) this.byOwner.set(session.owner, (own = new Map()));
    own.set(session.id, session);
  }

  /** Forgets a session (its transport closed it). */
  remove(id: string): void {
    const session = this.byId.get(id);
    if (!session) return;
    this.byId.delete(id);
    const own = this.byOwner.get(session.owner);
    own?.delete(id);
    if (own?.size === 0) this.byOwner.delete(session.owner);
  }

  /** Closes every session (shutdown): open SSE streams end with them. */
  async closeAll(): Promise<void> {
    clearInterval(this.timer);
    const all = [...this.byId.values()];
    for (const s of all) this.remove(s.id);
    await Promise.all(all.map((s) => s.transport.close().catch(() => undefined)));
  }

  private evict(session: Session): void {
    this.remove(session.id);
    void session.transport.close().catch(() => undefined);
  }

  private sweep(): void {
    const cutoff = Date.now() - this.limits.idleMs;
    for (const session of [...this.byId.values()]) {
      if (session.busy === 0 && session.lastUsed < cutoff) this.evict(session);
    }
  }
}

function oldestIdle(sessions: Map<string, Session>): Session | undefined {
  for (const session of sessions.values()) if (session.busy === 0) return session;
  return undefined;
}
