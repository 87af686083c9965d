/**
 * An optional profile (and region) for this workspace only, kept in the extension's *workspace state*:
 * per workspace, on this machine, never in settings, since `.vscode/settings.json` is often committed
 * and a cloned repository must not choose whose credentials sign requests. It names a stored profile,
 * an Alibaba Cloud CLI profile (`~/.aliyun/config.json`, any supported mode), or the environment / CLI
 * credential chain; no secret is kept here. Other windows keep their own choice.
 */
import * as z from 'zod/mini';
import type * as vscode from 'vscode';
import { lazy } from '../vod/lazy';

import { WORKSPACE_BINDING_KEY } from './profileStateKey';
export { WORKSPACE_BINDING_KEY };

export type WorkspaceBinding =
  | { readonly profile: string; readonly cliProfile?: undefined; readonly chain?: undefined; readonly region?: string | undefined }
  | { readonly profile?: undefined; readonly cliProfile: string; readonly chain?: undefined; readonly region?: string | undefined }
  /**
   * The environment / CLI credential chain, whatever the global profile is: what "use environment
   * credentials" means in a bound window (dropping the binding would fall back to the global profile).
   */
  | { readonly profile?: undefined; readonly cliProfile?: undefined; readonly chain: true; readonly region?: string | undefined };

const schema = lazy(() =>
  z.union([
    z.object({ profile: z.string().check(z.minLength(1), z.maxLength(64)), region: z.optional(z.string()) }),
    z.object({ cliProfile: z.string().check(z.minLength(1), z.maxLength(128)), region: z.optional(z.string()) }),
    z.object({ chain: z.literal(true), region: z.optional(z.string()) }),
  ]),
);

/** The binding, validated on read (workspace state can be edited by hand); undefined when none. */
export function readBinding(memento: vscode.Memento): WorkspaceBinding | undefined {
  const parsed = z.safeParse(schema(), memento.get<unknown>(WORKSPACE_BINDING_KEY));
  return parsed.success ? (parsed.data as WorkspaceBinding) : undefined;
}

export function writeBinding(memento: vscode.Memento, binding: WorkspaceBinding | undefined): Thenable<void> {
  return memento.update(WORKSPACE_BINDING_KEY, binding);
}
