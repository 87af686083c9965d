/** How the extension under test reaches the workbench page. */
export type ExtensionSource =
  /** Already installed in the server's extensions dir (from a VSIX), as a user would have it. */
  | { readonly kind: 'installed' }
  /** Loaded from a source tree; with `testsPath`, the workbench runs that mocha suite and reports its exit code. */
  | { readonly kind: 'development'; readonly path: string; readonly testsPath?: string };

/**
 * The page URL. code-server has no --extensionDevelopmentPath flag; the workbench's `payload` query
 * parameter is the only way to load a development extension and a test suite. Its paths are server
 * paths under a vscode-remote authority equal to the page's host:port.
 */
export function workbenchUrl(origin: string, folder: string, source: ExtensionSource): string {
  const url = new URL(origin);
  // A `.code-workspace` file opens as a (multi-root) workspace, anything else as a folder.
  url.searchParams.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', folder);
  if (source.kind === 'development') {
    const remote = (p: string): string => `vscode-remote://${url.host}${p}`;
    const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(source.path)], ['skipWelcome', 'true']];
    if (source.testsPath) payload.push(['extensionTestsPath', remote(source.testsPath)]);
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}
