/**
 * The open details panels, one per image ID: opening an image that already has a panel reveals it.
 * Also adopts panels VS Code restores after a reload (through the serializer).
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { DetailsPanel, webviewOptions } from './detailsPanel';
import { PANEL_VIEW_TYPE, restoredImageId } from './panelState';

export interface PanelShown {
  readonly imageId: string;
  /** True when a panel for this image was already open and was only revealed. */
  readonly revealed: boolean;
}

export class DetailsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly mediaRoot: vscode.Uri;

  constructor(private readonly services: Services) {
    this.mediaRoot = vscode.Uri.joinPath(services.context.extensionUri, 'media');
  }

  show(imageId: string): PanelShown {
    const open = this.panels.get(imageId);
    if (open) {
      open.reveal();
      return { imageId, revealed: true };
    }
    // Beside the editor when one is open, so the text that mentions the image stays in view.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, imageId, column, {
      ...webviewOptions(this.mediaRoot),
      enableFindWidget: true,
    });
    this.adopt(imageId, panel);
    return { imageId, revealed: false };
  }

  /** Restores a panel after a window reload; its saved state names the image. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const imageId = restoredImageId(state);
    if (imageId === undefined || this.panels.has(imageId)) {
      panel.dispose();
      return;
    }
    this.adopt(imageId, panel);
  }

  /** The image IDs with an open panel (for tests and diagnostics). */
  openImageIds(): string[] {
    return [...this.panels.keys()];
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  private adopt(imageId: string, webviewPanel: vscode.WebviewPanel): void {
    // The tab's icon: the explorer's picture, in a colour per theme kind (a tab icon is an image, so
    // `currentColor` would not follow the theme). Set on restored panels too.
    webviewPanel.iconPath = {
      light: vscode.Uri.joinPath(this.mediaRoot, 'panel-light.svg'),
      dark: vscode.Uri.joinPath(this.mediaRoot, 'panel-dark.svg'),
    };
    const panel = new DetailsPanel(imageId, webviewPanel, this.services, this.mediaRoot);
    this.panels.set(imageId, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(imageId) === panel) this.panels.delete(imageId);
    });
    void panel.load(false);
  }
}
