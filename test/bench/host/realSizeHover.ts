/**
 * Real-size images in the extension host's hover: the first hover over the 8 MB JPEG (lookup, CDN
 * resize, embedding), the hover payload, and the heap after 100 hovers cycling over all five
 * real-size fixtures (the first of each makes its thumbnail: CDN resize or the decoder in the host).
 * Printed by index.ts as `HOST_REALSIZE {json}`; hostHeap.bench.ts turns it into rows.
 */
import * as vscode from 'vscode';
import { getLibrary } from '../../emulator/fixtures';

export interface RealSizeHoverResult {
  readonly firstHoverMs: number;
  readonly payloadBytes: number;
  readonly maxPayloadBytes: number;
  readonly hovers: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
  readonly withThumbnail: number;
}

const TRAITS = ['photo8mb', 'png3mb', 'anim6mb', 'photo12mb', 'photo20mb'];
const HOVERS = 100;
const MB = 1024 * 1024;

async function hover(uri: vscode.Uri, line: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 12))) as vscode.Hover[];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function measureRealSizeHover(heapUsed: () => Promise<number>): Promise<RealSizeHoverResult> {
  const ids = TRAITS.map((trait) => getLibrary().images.find((r) => r.traits.includes(trait))!.imageId);
  const document = await vscode.workspace.openTextDocument({ content: ids.map((id) => `image: ${id}`).join('\n'), language: 'plaintext' });
  const before = await heapUsed();
  let started = performance.now();
  const first = await hover(document.uri, 0);
  const firstHoverMs = performance.now() - started;
  let maxPayloadBytes = Buffer.byteLength(first);
  let withThumbnail = first.includes('data:image/') ? 1 : 0;
  for (let i = 1; i < HOVERS; i++) {
    const text = await hover(document.uri, i % ids.length);
    maxPayloadBytes = Math.max(maxPayloadBytes, Buffer.byteLength(text));
    if (text.includes('data:image/')) withThumbnail++;
  }
  const after = await heapUsed();
  return {
    firstHoverMs,
    payloadBytes: Buffer.byteLength(first),
    maxPayloadBytes,
    hovers: HOVERS,
    heapBeforeMb: before / MB,
    heapAfterMb: after / MB,
    withThumbnail,
  };
}
