/**
 * Registers the details panel: the `vodImages.openDetails` command and the serializer that restores
 * panels after a reload (activation event `onWebviewPanel:vodImages.details`).
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { DetailsPanels, type PanelShown } from './detailsPanels';
import { PANEL_VIEW_TYPE } from './panelState';

async function openDetails(services: Services, panels: DetailsPanels, arg: unknown): Promise<PanelShown | undefined> {
  try {
    const imageId = await pickImageId(services, arg);
    if (!imageId) return undefined;
    services.noteLookedUp?.([imageId]);
    return panels.show(imageId);
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Open Image Details'));
    return undefined;
  }
}

export function register(services: Services): vscode.Disposable[] {
  const panels = new DetailsPanels(services);
  return [
    panels,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, panels),
    vscode.commands.registerCommand('vodImages.openDetails', (arg?: unknown) => openDetails(services, panels, arg)),
  ];
}
