/**
 * What the feature modules (hover, lookup, panel, copy commands, explorer) receive from the extension's
 * composition root. Everything heavy is behind a promise so activation stays cheap: the client, the
 * transport (undici) and the image cache are built on first use and rebuilt when the profile,
 * region or endpoint changes.
 */
import type * as vscode from 'vscode';
import type { VodApi, OutputType } from '../vod/api';
import type { ImageService } from '../vod/imageService';
import type { Logger } from '../vod/log';
import type { Transport } from '../vod/transport';

/** A change this extension made to images (upload, edit, delete): every view showing them refreshes. */
export interface ImageWrite {
  readonly kind: 'uploaded' | 'edited' | 'deleted';
  readonly imageIds: readonly string[];
}

export interface ThumbnailFetcher {
  /** Fetches image bytes through the proxy-aware core transport with a size cap. */
  fetchBytes(url: string, options: { maxBytes: number; signal?: AbortSignal; timeoutMs?: number }): Promise<{ contentType: string; bytes: Uint8Array }>;
}

/** What features may write to the log; each method redacts its line first (see `createRedactingChannel`). */
export interface FeatureLog extends Logger {
  trace(line: string): void;
  debug(line: string): void;
}

export interface SessionState {
  /** True when a stored profile or the environment/CLI credential chain yields credentials. */
  readonly signedIn: boolean;
  /** Shown in the status bar: the profile name, or `env` / `aliyun:<name>` for chain sources. */
  readonly label: string | undefined;
  readonly region: string;
  /** Where the credentials come from; undefined when signed out. (Added by extension-core.) */
  readonly source?: 'profile' | 'environment' | 'cliProfile' | 'instanceMetadata' | 'credentialsUri' | undefined;
  /** True when this workspace's own binding chose the profile (workspace state, not settings). */
  readonly boundToWorkspace?: boolean | undefined;
  /** True when the profile's secret is kept in memory only because SecretStorage failed. (Added by extension-core.) */
  readonly sessionOnly?: boolean | undefined;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  /** The current profile's API client; rejects with a VodError (kind 'noCredentials') when signed out. */
  api(): Promise<VodApi>;
  /** The shared cache/batcher over `api()`; one instance until the session changes. */
  images(): Promise<ImageService>;
  thumbnails(): Promise<ThumbnailFetcher>;
  session(): SessionState;
  /** Fires after sign-in, sign-out, profile switch, or a settings change that rebuilds the client. */
  readonly onDidChangeSession: vscode.Event<SessionState>;
  /** The "VOD Images" log; every line is redacted (secrets in use, URL queries) before it is written. */
  readonly log: FeatureLog;
  settings(): UiSettings;
  /**
   * Records that the user looked these IDs up (lookUp, openDetails), for the explorer's Recent group.
   * Optional so test doubles need not implement it. (Added by the explorer.)
   */
  noteLookedUp?(ids: readonly string[]): void;
  /** Fires with the IDs passed to `noteLookedUp`. */
  readonly onDidLookUp?: vscode.Event<readonly string[]>;
  /** The proxy-aware transport, for streamed uploads and downloads. (Added by the write commands.) */
  transport?(): Promise<Transport>;
  /** Reports an upload, edit or delete, so the explorer and the panels refresh. */
  noteWritten?(write: ImageWrite): void;
  /** Fires with what `noteWritten` reported. */
  readonly onDidWrite?: vscode.Event<ImageWrite>;
}

/** The typed view of the `vodImages.*` settings (validated; invalid values fall back to defaults with a warning). */
export interface UiSettings {
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly signatureVersion: 'v3' | 'v1';
  readonly outputType: OutputType;
  readonly urlExpirySeconds: number;
  readonly hoverEnabled: boolean;
  readonly idPattern: string;
  readonly requestTimeoutSeconds: number;
  /** Inline after-text on IDs: none, only already-resolved IDs, or resolve the visible ones. (Added by editor intelligence.) */
  readonly decorations: DecorationMode;
  /** Problems-panel entries for failed, blocked and uploading images in open documents. */
  readonly diagnosticsEnabled: boolean;
  /** Also report IDs the API does not know (off by default: any 32-hex string looks like an ID). */
  readonly diagnosticsReportMissing: boolean;
  /** Globs of the files the workspace scan reads (`vodImages.scan.include`). (Added by the explorer.) */
  readonly scanInclude: readonly string[];
  /** Globs the scan skips on top of `files.exclude` and `search.exclude` (`vodImages.scan.exclude`). */
  readonly scanExclude: readonly string[];
  /** Bytes; larger files are not read (`vodImages.scan.maxFileSize`). */
  readonly scanMaxFileSize: number;
}

export type DecorationMode = 'off' | 'cached' | 'visible';
