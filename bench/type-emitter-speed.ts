/**
 * Speed of mcpgen's type emitter against json-schema-to-typescript (the
 * baseline it replaced), on the input and output schemas of the 1,000-tool
 * bench manifest (1,500 schemas), each under its own type name and with a
 * per-tool property so nothing is trivially shared. A script, not a test:
 * `npm run build && node dist/bench/type-emitter-speed.js`.
 */
import { benchTools } from './server/bench-manifest.js';
import { schemaToDeclarations } from '../generator/emit/schema/typescript/declarations.js';

interface Job {
  schema: Record<string, unknown>;
  name: string;
}

function jobs(): Job[] {
  return benchTools(1000).flatMap((t, i) => {
    const vary = (s: Record<string, unknown>): Record<string, unknown> => ({
      ...s,
      properties: { ...(s.properties as Record<string, unknown>), [`field_${i}`]: { type: 'string', description: `Field of tool ${i}.` } },
    });
    return [
      { schema: vary(t.inputSchema), name: `Tool${i}Input` },
      ...(t.outputSchema ? [{ schema: vary(t.outputSchema), name: `Tool${i}Output` }] : []),
    ];
  });
}

/**
 * Runs once; returns CPU time (all of this process's threads, so V8's
 * background compiler counts too) and wall time. On a busy shared machine
 * wall time also measures the neighbours; on an idle one it is what a user waits.
 */
async function time(label: string, run: () => Promise<void> | void): Promise<{ cpu: number; wall: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const wallMs = performance.now() - wall;
  console.log(`${label.padEnd(48)} cpu ${cpuMs.toFixed(0).padStart(6)} ms   wall ${wallMs.toFixed(0).padStart(6)} ms`);
  return { cpu: cpuMs, wall: wallMs };
}

const all = jobs();
const { compile } = await import('json-schema-to-typescript');
const jstt = (format: boolean) => async () => {
  for (const j of all) {
    await compile(structuredClone(j.schema) as never, j.name, { bannerComment: '', format, unreachableDefinitions: true, additionalProperties: false, maxItems: -1 });
  }
};
console.log(`${all.length} schemas; each converter runs several passes in this process: first (cold) and best`);
interface Passes {
  first: { cpu: number; wall: number };
  best: { cpu: number; wall: number };
}
const passes = async (label: string, count: number, run: () => Promise<void> | void): Promise<Passes> => {
  const times: { cpu: number; wall: number }[] = [];
  for (let i = 0; i < count; i++) times.push(await time(`${label} pass ${i + 1}`, run));
  return { first: times[0]!, best: { cpu: Math.min(...times.map((t) => t.cpu)), wall: Math.min(...times.map((t) => t.wall)) } };
};
const ours = await passes('mcpgen schemaToDeclarations', 5, () => {
  for (const j of all) schemaToDeclarations(j.schema, j.name);
});
const plain = await passes('json-schema-to-typescript format:false', 2, jstt(false));
const formatted = await passes('json-schema-to-typescript format:true', 1, jstt(true));
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;
for (const pass of ['first', 'best'] as const) {
  for (const clock of ['cpu', 'wall'] as const) {
    const o = ours[pass][clock];
    console.log(`${pass} pass, ${clock}: ${ratio(plain[pass][clock], o)} faster than format:false, ${ratio(formatted[pass][clock], o)} than format:true`);
  }
}
