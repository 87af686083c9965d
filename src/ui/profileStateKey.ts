/**
 * Where the profile list lives in global state, and a cheap look at whether it holds any profile: the
 * activation shell asks (a signed-in user, or a workspace with a bound profile, gets the status bar at once) and must not load the zod
 * schemas `profiles.ts` validates the list with. A malformed value counts as "some": the features
 * load and `profiles.ts` decides.
 */
import type * as vscode from 'vscode';

export const PROFILES_STATE_KEY = 'vodImages.profiles';
/** Where a profile bound to one workspace lives in workspace state (see workspaceBinding.ts). */
export const WORKSPACE_BINDING_KEY = 'vodImages.workspaceProfile';

export function mayHoldProfiles(state: vscode.Memento): boolean {
  const stored = state.get<unknown>(PROFILES_STATE_KEY);
  if (stored === undefined || stored === null) return false;
  const list = (stored as { profiles?: unknown }).profiles;
  return !Array.isArray(list) || list.length > 0;
}

/** A profile bound to this workspace (any value: workspaceBinding.ts validates it). */
export function mayHoldBinding(state: vscode.Memento): boolean {
  const stored = state.get<unknown>(WORKSPACE_BINDING_KEY);
  return stored !== undefined && stored !== null;
}
