/**
 * The explorer view's data provider as the activation shell registers it: it forwards to the real tree
 * once the features bundle is loaded. The view is created at activation (VS Code asks for its data the
 * moment it is shown, and the drag-and-drop and multi-select options exist only at creation), but the
 * tree's code loads only when VS Code first asks for rows: a window that never opens the view never
 * parses it.
 */
import * as vscode from 'vscode';

export class LazyTree<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;
  private readonly changes = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changes.event;

  /** `load` loads the features bundle, which calls `bind` before it returns. */
  constructor(private readonly load: () => void) {}

  bind(target: vscode.TreeDataProvider<T>): void {
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((e) => this.changes.fire(e));
  }

  private real(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    if (!this.target) throw new Error('The VOD Images explorer did not start.');
    return this.target;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real().getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real().getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real().getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    const real = this.real();
    return real.resolveTreeItem ? real.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changes.dispose();
  }
}
