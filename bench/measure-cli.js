// Runs the built CLI (dist/bundle/) like bin/newsletter.js does and, on exit, reports the process's peak resident
// memory (worker threads included: they share the process) in KB to the file given first.
//
//   node bench/measure-cli.js <peak-rss-file> build --force
import { writeFileSync } from 'node:fs';
import { main } from '../dist/bundle/cli.js';

const [peakFile, ...args] = process.argv.slice(2);
process.on('exit', () => writeFileSync(peakFile, String(process.resourceUsage().maxRSS)));
process.exitCode = await main([process.argv[0], 'newsletter', ...args]);
