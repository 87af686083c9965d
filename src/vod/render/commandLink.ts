/**
 * `command:` links for hover Markdown. The hover is only partly trusted (VS Code's
 * `isTrusted: { enabledCommands }`), so each link names a command the caller enables explicitly.
 */
import { escapeMarkdown } from './escape';

/** Extension command IDs look like `vodImages.openDetails`; anything else is a caller bug. */
const COMMAND_ID = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export function isCommandId(value: string): boolean {
  return COMMAND_ID.test(value);
}

/**
 * Percent-encodes the JSON arguments, including the characters `encodeURIComponent` leaves alone
 * (`( ) ! ' * ~`): a `)` in an argument would otherwise end the link destination early and let the
 * rest of an argument (an image ID is document text) spill into the Markdown.
 */
export function encodeCommandArgs(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(
    /[()!'*~]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `[label](command:id?args)` (no `?` without arguments), the label escaped as text. Throws on a
 * malformed command ID: IDs come from the extension's own code, so that is a bug to surface early.
 */
export function commandLink(label: string, commandId: string, args: readonly unknown[] = []): string {
  if (!isCommandId(commandId)) throw new Error(`Not a command ID: ${JSON.stringify(commandId)}`);
  const query = args.length === 0 ? '' : `?${encodeCommandArgs(args)}`;
  return `[${escapeMarkdown(label)}](command:${commandId}${query})`;
}
