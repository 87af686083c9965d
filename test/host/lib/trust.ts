/**
 * Workspace trust for a host run. Most runs switch it off (`disabled`): a test then never meets the
 * Restricted Mode banner or a trust prompt. `untrusted` switches it on and leaves the opened folder
 * untrusted, so the workbench opens it in Restricted Mode without asking, as it does for a user who
 * has not trusted a folder yet (a fresh user-data dir holds no trusted folders).
 */
export type WorkspaceTrust = 'disabled' | 'untrusted';

/** code-server's flag turns the feature off for the whole server, whatever the settings say. */
export function trustArgs(trust: WorkspaceTrust): string[] {
  return trust === 'disabled' ? ['--disable-workspace-trust'] : [];
}

/** User settings for the mode; they override the same keys of the host's usual settings. */
export function trustSettings(trust: WorkspaceTrust): Record<string, unknown> {
  if (trust === 'disabled') return { 'security.workspace.trust.enabled': false };
  return {
    'security.workspace.trust.enabled': true,
    // No modal asking to trust the folder: it would wait for a click nobody makes.
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    // Files opened from outside the folder (none today) open without a prompt, still restricted.
    'security.workspace.trust.untrustedFiles': 'open',
    'security.workspace.trust.emptyWindow': false,
  };
}
