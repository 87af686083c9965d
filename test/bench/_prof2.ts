import { generateLargeCorpus } from './largeCorpus';
import { benchRipgrep } from './scan.bench';
import { scanWithRipgrep } from '../../src/vod/scan/ripgrepScan';
import { WorkspaceIndex } from '../../src/vod/scan/workspaceIndex';
import { RipgrepLineReader } from '../../src/vod/scan/ripgrepLines';
import * as path from 'node:path';
import { rmSync } from 'node:fs';
(async () => {
  const corpus = generateLargeCorpus(20000);
  const index = new WorkspaceIndex();
  const orig = RipgrepLineReader.prototype.push;
  const pushes: [number, number][] = [];
  RipgrepLineReader.prototype.push = function (chunk: Buffer) { const t = performance.now(); orig.call(this, chunk); pushes.push([performance.now() - t, chunk.length]); };
  const onFileTimes: number[] = [];
  let last = performance.now(); let maxGap = 0;
  const iv = setInterval(() => { const n = performance.now(); maxGap = Math.max(maxGap, n - last); last = n; }, 1);
  const t0 = performance.now();
  await scanWithRipgrep({ rgPath: benchRipgrep(), cwd: corpus.dir, idPattern: '[0-9a-f]{32}', include: [], exclude: [], maxFileSize: 1024 * 1024,
    onFile: (file) => { const t = performance.now(); index.replaceFile(path.join(corpus.dir, file.path), file.occurrences); onFileTimes.push(performance.now() - t); } });
  clearInterval(iv);
  pushes.sort((a, b) => b[0] - a[0]);
  console.log('scan', (performance.now() - t0).toFixed(0), 'pushes', pushes.length, 'top', JSON.stringify(pushes.slice(0, 8).map(([p, s]) => [p.toFixed(1), s])), 'sum', pushes.reduce((a, b) => a + b[0], 0).toFixed(0));
  console.log('onFile max', Math.max(...onFileTimes).toFixed(2), 'sum', onFileTimes.reduce((a, b) => a + b, 0).toFixed(0), 'maxGap', maxGap.toFixed(1), 'ids', index.idCount);
  rmSync(corpus.dir, { recursive: true, force: true });
})();
