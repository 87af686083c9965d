/**
 * Files dropped onto the VOD Images view are uploaded. Part of the activation shell (the view's
 * drag-and-drop controller exists only from its creation), so it stays small: it reads the dropped
 * URIs and hands them to `vodImages.upload`, whose code loads on that first call.
 */
import * as vscode from 'vscode';

/** `text/uri-list` (RFC 2483): one URI per line, `#` lines are comments. */
export function urisFromUriList(text: string): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (value === '' || value.startsWith('#')) continue;
    try {
      uris.push(vscode.Uri.parse(value, true));
    } catch {
      // Not a URI: nothing to upload from that line.
    }
  }
  return uris;
}

export class UploadDrop implements vscode.TreeDragAndDropController<unknown> {
  readonly dropMimeTypes = ['text/uri-list', 'files'];
  readonly dragMimeTypes: readonly string[] = [];

  async handleDrop(_target: unknown, data: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const list = data.get('text/uri-list');
    let uris = list ? urisFromUriList(await list.asString()) : [];
    if (uris.length === 0) {
      // Files from the operating system come as file items.
      data.forEach((item) => {
        const uri = item.asFile()?.uri;
        if (uri) uris.push(uri);
      });
      uris = [...new Map(uris.map((u) => [u.toString(), u])).values()];
    }
    if (uris.length === 0 || token.isCancellationRequested) return;
    await vscode.commands.executeCommand('vodImages.upload', undefined, uris);
  }
}
