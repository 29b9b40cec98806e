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

/** Runs once; returns this process's CPU time (wall time on a shared 2-core machine mostly measures the neighbours). */
async function time(label: string, run: () => Promise<void> | void): Promise<number> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${label.padEnd(48)} cpu ${cpuMs.toFixed(0).padStart(6)} ms   wall ${(performance.now() - wall).toFixed(0).padStart(6)} ms`);
  return cpuMs;
}

const all = jobs();
const { compile } = await import('json-schema-to-typescript');
const jstt = (format: boolean) => async () => {
  for (const j of all) {
    await compile(structuredClone(j.schema) as never, j.name, { bannerComment: '', format, unreachableDefinitions: true, additionalProperties: false, maxItems: -1 });
  }
};
console.log(`${all.length} schemas; each converter runs several passes in this process: first (cold) and best`);
const passes = async (label: string, count: number, run: () => Promise<void> | void): Promise<{ first: number; best: number }> => {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await time(`${label} pass ${i + 1}`, run));
  return { first: times[0]!, best: Math.min(...times) };
};
const ours = await passes('mcpgen schemaToDeclarations', 5, () => {
  for (const j of all) schemaToDeclarations(j.schema, j.name);
});
const plain = await passes('json-schema-to-typescript format:false', 2, jstt(false));
const formatted = await passes('json-schema-to-typescript format:true', 1, jstt(true));
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}x`;
console.log(`first pass: ${ratio(plain.first, ours.first)} faster than format:false, ${ratio(formatted.first, ours.first)} than format:true`);
console.log(`best pass:  ${ratio(plain.best, ours.best)} faster than format:false, ${ratio(formatted.best, ours.best)} than format:true`);
