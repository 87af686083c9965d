/**
 * The hover over an image ID in any document: the cheap part (find the ID on the hovered line) runs
 * on every mouse move; the expensive part (lookup, thumbnail download) only for an ID, through the
 * shared ImageService cache, and is cancelled with the hover.
 */
import * as vscode from 'vscode';
import { localizeErrorLine } from '../localize';
import { idAt } from '../../vod/imageIds';
import { renderHoverMarkdown } from '../../vod/render/hoverMarkdown';
import type { Services } from '../services';
import { usablePattern } from '../lookup/imageTarget';
import { hoverParts, type HoverParts } from './hoverParts';
import { hoverLabels, mediaHoverLabels } from './labels';
import type { HoverThumbnails } from './thumbnails';

export const HOVER_COMMANDS = Object.freeze({
  openDetails: 'vodImages.openDetails',
  copySignedUrl: 'vodImages.copySignedUrl',
  copyId: 'vodImages.copyId',
  signIn: 'vodImages.signIn',
  copyPlayUrl: 'vodImages.copyPlayUrl',
});

/** Lines longer than this (minified bundles, data blobs) are not scanned on every mouse move. */
const MAX_LINE_LENGTH = 64 * 1024;

/** An AbortSignal that follows a cancellation token, and its clean-up. */
function signalFor(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}

export class ImageHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly services: Services,
    private readonly thumbnails: HoverThumbnails,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.services.settings();
    if (!settings.hoverEnabled) return undefined;
    const line = document.lineAt(position.line).text;
    if (line.length > MAX_LINE_LENGTH) return undefined;
    const match = idAt(line, position.character, usablePattern(settings.idPattern));
    // idAt also accepts the position just after an ID (for cursors); a mouse there is not on the ID.
    if (!match || position.character >= match.end) return undefined;

    const parts = await this.parts(match.id, token, settings.requestTimeoutSeconds * 1000);
    if (!parts || token.isCancellationRequested) return undefined;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    return new vscode.Hover(this.markdown(parts), range);
  }

  private markdown(parts: HoverParts): vscode.MarkdownString {
    return imageMarkdown(parts);
  }

  private async parts(imageId: string, token: vscode.CancellationToken, timeoutMs: number): Promise<HoverParts | undefined> {
    // Signed out shows as images() rejecting with noCredentials; session() is not consulted because it
    // reads "signed out" until the first session is resolved shortly after activation.
    const cancel = signalFor(token);
    try {
      return await hoverParts(
        {
          images: () => this.services.images(),
          thumbnails: this.thumbnails,
          logError: (line) => this.services.log.error(line),
          unexpectedErrorLabel: vscode.l10n.t('unexpected error, see the log'),
          describeError: localizeErrorLine,
        },
        { imageId, signal: cancel.signal, timeoutMs },
      );
    } finally {
      cancel.dispose();
    }
  }
}

/**
 * An image's hover card as a MarkdownString, for the editor hover and the explorer's tooltips alike.
 * Trust is never granted wholesale: only the commands the card links to may run from it.
 */
export function imageMarkdown(parts: HoverParts): vscode.MarkdownString {
  const { markdown, enabledCommands } = renderHoverMarkdown({
    ...parts,
    commands: HOVER_COMMANDS,
    labels: hoverLabels(),
    mediaLabels: mediaHoverLabels(),
    locale: vscode.env.language,
  });
  const result = new vscode.MarkdownString(markdown);
  result.isTrusted = { enabledCommands };
  result.supportHtml = false;
  result.supportThemeIcons = false;
  return result;
}
