/**
 * `vodImages.copySignedUrl`: asks how long the link should work (remembering the last choice) and
 * whether it should point at the CDN or OSS, checks the bounds VOD accepts, asks GetImageInfo for a
 * URL with that `AuthTimeout`, and copies it. The URL goes only to the clipboard: never to a log, a
 * notification or the command's return value.
 *
 * Automation passes `(id | treeItem, { expiresIn?, outputType? })`; with an options object nothing is
 * asked (missing parts take the settings' defaults).
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import type { OutputType } from '../../vod/api';
import { checkExpiryBounds, formatDuration, parseDuration } from '../../vod/duration';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { parseSignedUrlExpiry } from '../../vod/signedUrlExpiry';
import type { Services, UiSettings } from '../services';
import { pickImageId } from '../lookup/pickImageIds';
import { reportError } from '../lookup/reportError';
import { defaultExpiry, expiryChoices, parseSignedUrlOptions } from './copyExpiry';
import { formatLocalTime } from './copyFormat';

/** globalState key of the last expiry chosen in the prompt (seconds). */
export const LAST_EXPIRY_KEY = 'vodImages.copySignedUrl.lastExpirySeconds';

export interface SignedUrlCopied {
  readonly imageId: string;
  readonly outputType: OutputType;
  readonly expiresInSeconds: number;
  /** When the URL stops working: read from the URL when it carries it, else now + the validity asked for. */
  readonly expiresAt: string;
}

interface ExpiryItem extends vscode.QuickPickItem {
  readonly seconds: number | 'custom';
}

function presetLabel(seconds: number): string {
  switch (seconds) {
    case 15 * 60:
      return vscode.l10n.t('15 minutes');
    case 3600:
      return vscode.l10n.t('1 hour');
    case 86400:
      return vscode.l10n.t('1 day');
    case 7 * 86400:
      return vscode.l10n.t('7 days');
    case 30 * 86400:
      return vscode.l10n.t('30 days');
    default:
      return formatDuration(seconds);
  }
}

/** A quick pick that starts on `active` (showQuickPick cannot pre-select), resolved on accept or hide. */
function pickOne<T extends vscode.QuickPickItem>(title: string, items: readonly T[], active: T | undefined): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = title;
    pick.items = items;
    if (active) pick.activeItems = [active];
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

async function askCustomExpiry(initial: number): Promise<number | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Signed URL validity'),
    prompt: vscode.l10n.t('How long should the link work? For example 90m, 2h, 3d or a number of seconds.'),
    value: formatDuration(initial),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseDuration(value);
      return parsed instanceof VodError ? localizeError(parsed) : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const parsed = parseDuration(typed);
  return parsed instanceof VodError ? undefined : parsed;
}

async function askExpiry(defaultSeconds: number, remembered: boolean): Promise<number | undefined> {
  const defaultNote = remembered ? vscode.l10n.t('last used') : vscode.l10n.t('default');
  const items: ExpiryItem[] = expiryChoices(defaultSeconds).map((choice) => ({
    label: presetLabel(choice.seconds),
    description: choice.isDefault ? defaultNote : undefined,
    seconds: choice.seconds,
  }));
  items.push({ label: vscode.l10n.t('Custom…'), description: vscode.l10n.t('90m, 2h, 3d, …'), seconds: 'custom' });
  const active = items.find((item) => item.seconds === defaultSeconds);
  const chosen = await pickOne(vscode.l10n.t('How long should the signed URL work?'), items, active);
  if (!chosen) return undefined;
  return chosen.seconds === 'custom' ? askCustomExpiry(defaultSeconds) : chosen.seconds;
}

interface OutputItem extends vscode.QuickPickItem {
  readonly outputType: OutputType;
}

async function askOutputType(preferred: OutputType): Promise<OutputType | undefined> {
  const items: OutputItem[] = [
    { label: 'CDN', description: vscode.l10n.t('through the CDN domain; expires only if URL signing is on'), outputType: 'cdn' },
    { label: 'OSS', description: vscode.l10n.t('straight from the storage bucket; at most 30 days'), outputType: 'oss' },
  ];
  const active = items.find((item) => item.outputType === preferred);
  return (await pickOne(vscode.l10n.t('Which URL?'), items, active))?.outputType;
}

export interface Choice {
  readonly seconds: number;
  readonly outputType: OutputType;
  readonly asked: boolean;
}

export async function choose(services: Services, rawOptions: unknown, settings: UiSettings): Promise<Choice | undefined> {
  const options = parseSignedUrlOptions(rawOptions);
  if (options instanceof VodError) throw options;
  if (options) {
    return { seconds: options.expiresIn ?? settings.urlExpirySeconds, outputType: options.outputType ?? settings.outputType, asked: false };
  }
  const remembered = services.context.globalState.get<unknown>(LAST_EXPIRY_KEY);
  const initial = defaultExpiry(remembered, settings.urlExpirySeconds);
  const seconds = await askExpiry(initial, initial === remembered);
  if (seconds === undefined) return undefined;
  const outputType = await askOutputType(settings.outputType);
  return outputType ? { seconds, outputType, asked: true } : undefined;
}

async function fetchSignedUrl(services: Services, imageId: string, choice: Choice): Promise<string> {
  const api = await services.api();
  const info = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Signing URL for {0}…', imageId) },
    () => api.getImageInfo(imageId, { authTimeout: choice.seconds, outputType: choice.outputType }),
  );
  if (!info.URL) throw new VodError('invalidResponse', msg('command.noUrl', { id: imageId }));
  return info.URL;
}

export async function copySignedUrl(services: Services, arg: unknown, rawOptions?: unknown): Promise<SignedUrlCopied | undefined> {
  try {
    const imageId = await pickImageId(services, arg);
    if (!imageId) return undefined;
    const choice = await choose(services, rawOptions, services.settings());
    if (!choice) return undefined;
    const outOfBounds = checkExpiryBounds(choice.seconds, choice.outputType);
    if (outOfBounds) throw outOfBounds;

    const requestedAt = Date.now();
    const url = await fetchSignedUrl(services, imageId, choice);
    await vscode.env.clipboard.writeText(url);
    if (choice.asked) await services.context.globalState.update(LAST_EXPIRY_KEY, choice.seconds);

    const carried = parseSignedUrlExpiry(url);
    const expiresAt = carried.kind === 'none' ? new Date(requestedAt + choice.seconds * 1000) : carried.expiresAt;
    const message =
      carried.kind === 'none'
        ? vscode.l10n.t('URL copied. This domain does not sign URLs, so the link does not expire by itself.')
        : vscode.l10n.t('Signed URL copied — expires {0}', formatLocalTime(expiresAt, vscode.env.language));
    void vscode.window.showInformationMessage(message);
    return { imageId, outputType: choice.outputType, expiresInSeconds: choice.seconds, expiresAt: expiresAt.toISOString() };
  } catch (error) {
    reportError(services, error, vscode.l10n.t('Copy Signed URL'));
    return undefined;
  }
}
