/**
 * A burst of file changes in the real extension host (a branch switch, an install): how long the
 * explorer takes from the first write until This Workspace holds every new file, and — side by
 * side, in the same host — what the two ways of sorting the changed paths cost on their own: one
 * findFiles listing of the workspace (what a burst gets) against one findFiles question per path
 * (what a few changes get, and what every change used to get). The per-path cost is measured on a
 * sample and scaled to the burst, which the result says.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';

export const BURST_FILES = 2_000;
/** Per-path questions timed (sequentially, as rescans asked them) and scaled to BURST_FILES. */
const SAMPLE = 200;
const TIMEOUT_MS = 120_000;

export interface ScanBurstResult {
  readonly files: number;
  /** From the first write until every burst file is in the index. */
  readonly indexedMs: number;
  /** One findFiles listing of the whole workspace. */
  readonly listingMs: number;
  /** One findFiles question per path, for SAMPLE paths. */
  readonly perPathSampleMs: number;
  readonly sample: number;
}

export async function measureScanBurst(api: ExtensionApi, imageId: string): Promise<ScanBurstResult> {
  const explorer = api.explorer;
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!explorer || !root) throw new Error('no explorer or no workspace folder in the bench host');
  // A completed full scan: the file watcher starts after the first one.
  await vscode.commands.executeCommand('vodImages.scanWorkspace');
  await explorer.settled();
  const folder = path.join(root.uri.fsPath, `burst-${process.pid}`);
  await mkdir(folder, { recursive: true });
  try {
    const started = performance.now();
    for (let i = 0; i < BURST_FILES; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, BURST_FILES - i) }, (_, k) => writeFile(path.join(folder, `f${i + k}.txt`), `image ${imageId}\n`)),
      );
    }
    const deadline = started + TIMEOUT_MS;
    while (explorer.scan.index.occurrencesOf(imageId).length < BURST_FILES) {
      if (performance.now() > deadline) throw new Error(`the burst was not indexed within ${TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const indexedMs = performance.now() - started;

    const listStart = performance.now();
    await vscode.workspace.findFiles('**/*', null);
    const listingMs = performance.now() - listStart;

    const askStart = performance.now();
    for (let i = 0; i < SAMPLE; i++) {
      await vscode.workspace.findFiles(new vscode.RelativePattern(root, `${path.basename(folder)}/f${i}.txt`), null, 1);
    }
    const perPathSampleMs = performance.now() - askStart;
    return { files: BURST_FILES, indexedMs, listingMs, perPathSampleMs, sample: SAMPLE };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
