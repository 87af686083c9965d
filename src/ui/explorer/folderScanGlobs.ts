/**
 * `vodImages.scan.include` and `vodImages.scan.exclude` as they apply to one workspace folder. Both are
 * resource-scoped: in a multi-root workspace a folder's own .vscode/settings.json may set them, and its
 * value replaces the workspace's for that folder's files (VS Code replaces arrays, it does not merge
 * them). The window's values come from the service host, already checked; a folder's own value is
 * checked here, and an invalid one is reported and replaced by the window's. With a single folder open
 * (no workspace file) its .vscode/settings.json is the workspace's settings: the window's values hold it.
 */
import * as vscode from 'vscode';
import type { Message } from '../../vod/messages';
import { parseGlobList, SETTINGS_SECTION } from '../settings';

export interface ScanGlobSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface FolderSettingProblem {
  readonly key: string;
  readonly folder: vscode.WorkspaceFolder;
  readonly reason: Message;
}

const KEYS = { include: 'scan.include', exclude: 'scan.exclude' } as const;

export function folderScanGlobs(
  folder: vscode.WorkspaceFolder | undefined,
  windowValues: ScanGlobSettings,
  report: (problem: FolderSettingProblem) => void,
): ScanGlobSettings {
  if (!folder || vscode.workspace.workspaceFile === undefined) return windowValues;
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  const own = (which: keyof typeof KEYS): readonly string[] => {
    const raw = config.inspect<unknown>(KEYS[which])?.workspaceFolderValue;
    if (raw === undefined) return windowValues[which];
    const parsed = parseGlobList(raw);
    if (parsed.ok) return parsed.globs;
    report({ key: `${SETTINGS_SECTION}.${KEYS[which]}`, folder, reason: parsed.reason });
    return windowValues[which];
  };
  return { include: own('include'), exclude: own('exclude') };
}
