/**
 * Context keys the getting-started walkthrough (`contributes.walkthroughs`) completes its steps on
 * (`onContext:`), for steps that no command or view marks: hovering an image ID. Set once per
 * window; VS Code remembers a completed step itself.
 */
import * as vscode from 'vscode';

export const HOVERED_IMAGE_KEY = 'vodImages.walkthrough.hoveredImage';

let hovered = false;

export function noteImageHovered(): void {
  if (hovered) return;
  hovered = true;
  void vscode.commands.executeCommand('setContext', HOVERED_IMAGE_KEY, true);
}
