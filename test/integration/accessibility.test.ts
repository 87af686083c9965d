/**
 * Accessibility in the real host: an explorer row's accessible label names the condition its icon
 * shows (Upload failed, Uploading…), and the details panel's tab has an icon.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageNode, SectionNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { children, explorer } from './explorerApi';
import { imageId } from './hostEnv';

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('accessibility', () => {
  // Blocked is covered in the unit test: whether a batch lookup carries the audit status depends on the fixture.
  it("explorer rows' accessible labels name Upload failed and Uploading…", async () => {
    const x = await explorer();
    const failed = imageId('uploadFail');
    const uploading = imageId('uploading');
    await vscode.commands.executeCommand('vodImages.lookUp', [failed, uploading]);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const labelOf = async (id: string): Promise<string | undefined> => {
      const recent = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'recent');
      const row = recent && (await children(x, recent)).find((n): n is ImageNode => n.kind === 'image' && n.imageId === id);
      return row ? x.tree.getTreeItem(row).accessibilityInformation?.label : undefined;
    };
    await until('the failed upload row to resolve', async () => /, Upload failed/.test((await labelOf(failed)) ?? ''));
    await until('the uploading row to resolve', async () => /Uploading…/.test((await labelOf(uploading)) ?? ''));
  });

  it('the details panel tab has an icon (light and dark)', async () => {
    const target = vscode.window as unknown as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
    const original = target.createWebviewPanel;
    const created: vscode.WebviewPanel[] = [];
    target.createWebviewPanel = ((...args: Parameters<typeof original>) => {
      const panel = original(...args);
      created.push(panel);
      return panel;
    }) as typeof original;
    try {
      await vscode.commands.executeCommand('vodImages.openDetails', imageIdFor('cover'));
    } finally {
      target.createWebviewPanel = original;
    }
    assert.equal(created.length, 1);
    const icon = created[0]!.iconPath as { light: vscode.Uri; dark: vscode.Uri } | undefined;
    assert.match(icon?.light.path ?? '', /media\/panel-light\.svg$/);
    assert.match(icon?.dark.path ?? '', /media\/panel-dark\.svg$/);
    created[0]!.dispose();
  });
});
