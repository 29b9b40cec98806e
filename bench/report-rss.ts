/**
 * Preloaded into a measured process (`node --import .../report-rss.js`): at
 * exit, writes the process's peak resident set size (bytes) to the file
 * named by MCPGEN_BENCH_RSS_FILE, so a bench can report the peak memory of
 * a real CLI run without wrapping it in another tool.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MCPGEN_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
