/**
 * The details panel: the `vodImages.openDetails` command, and the serializer that restores panels after
 * a reload (activation event `onWebviewPanel:vodImages.details`). The activation shell registers the
 * serializer, which must exist when activation returns, and forwards to the one built here.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { DetailsPanels, type PanelShown } from './detailsPanels';

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

export interface Panels {
  readonly serializer: vscode.WebviewPanelSerializer;
  readonly disposables: vscode.Disposable[];
}

export function register(services: Services): Panels {
  const panels = new DetailsPanels(services);
  return {
    serializer: panels,
    disposables: [panels, vscode.commands.registerCommand('vodImages.openDetails', (arg?: unknown) => openDetails(services, panels, arg))],
  };
}
