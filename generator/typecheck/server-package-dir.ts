/**
 * Where a target's server package lives: the target folder, or its `server/`
 * subfolder when the target has several package emitters (the path rule of
 * the emitter contract, emit/run-emitters.ts).
 */
import { join } from 'node:path';
import type { ResolvedTarget } from '../config/resolve-targets.js';
import { loadEmitterEntries } from '../emit/plugin-loader.js';
import { emitterRoots } from '../emit/run-emitters.js';

/** The server package folder of `target`, or undefined when it emits no server. */
export async function serverPackageDir(target: Pick<ResolvedTarget, 'out' | 'emit' | 'emitterOptions' | 'place'>, baseDir: string): Promise<string | undefined> {
  const { emitters } = await loadEmitterEntries({ entries: target.emit, options: target.emitterOptions, baseDir, place: target.place });
  if (!emitters.some((e) => e.emitter.name === 'server')) return undefined;
  const root = emitterRoots(emitters).get('server');
  return root ? join(target.out, root) : target.out;
}
