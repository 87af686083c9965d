/**
 * One details panel: a webview showing one image. It renders the full page (renderPanelHtml) when
 * the image is found and a status page otherwise, talks to its page only after the page's `ready`
 * handshake, validates every message the page posts, and turns button actions into the extension's
 * own commands, so a button and the palette behave the same. Signed URLs never enter the page.
 */
import * as vscode from 'vscode';
import { localizeError, localizeErrorLine, localizeMessage } from '../localize';
import { isVodError } from '../../vod/errors';
import type { MediaKind } from '../../vod/media/mediaLookup';
import type { VideoInfo } from '../../vod/media/videoSchemas';
import { renderMediaPanelHtml, type StreamsOutcome } from '../../vod/render/mediaPanelHtml';
import { renderPanelHtml } from '../../vod/render/panelHtml';
import { changedValues, editProblem, type EditValues } from '../../vod/render/imageEdit';
import { imageOriginOf } from '../../vod/render/panelCsp';
import { parseWebviewMessage, type HostMessage, type PanelAction } from '../../vod/render/panelMessages';
import type { ImageInfo } from '../../vod/schemas';
import { parseSignedUrlExpiry } from '../../vod/signedUrlExpiry';
import type { Services } from '../services';
import { isStale } from '../commands/copyFormat';
import { reportError } from '../lookup/reportError';
import { mediaPanelLabels, panelLabels } from './labels';
import { hostCspSources, newNonce, panelTitle } from './panelState';
import { renderStatusHtml } from './statusHtml';

/** What a webview of this panel may load and do: scripts on, only `media/`, no command links. */
export function webviewOptions(mediaRoot: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [mediaRoot] };
}

type Shown =
  | { readonly kind: 'image'; readonly info: ImageInfo }
  /** The streams as rendered, so a row button's index means the stream the user saw. */
  | { readonly kind: 'media'; readonly info: VideoInfo; readonly streams: StreamsOutcome }
  | { readonly kind: 'status' };

export class DetailsPanel implements vscode.Disposable {
  private shown: Shown = { kind: 'status' };
  private ready = false;
  private pending: HostMessage[] = [];
  /** Only the newest load may render: a slow answer must not overwrite a newer one. */
  private loadSeq = 0;
  private disposed = false;
  /** Said once the next page is ready (a save reloads the page, which would drop a notice posted before). */
  private noticeAfterLoad: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly imageId: string,
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private readonly mediaRoot: vscode.Uri,
  ) {
    panel.webview.options = webviewOptions(mediaRoot);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      // After a sign-in or profile switch the same ID may now resolve (or belong to another account).
      services.onDidChangeSession(() => void this.load(false)),
    );
    // An edit or delete (from this panel, the tree or the palette) changes what the panel shows.
    if (services.onDidWrite) {
      this.disposables.push(services.onDidWrite((write) => (write.imageIds.includes(imageId) ? void this.load(false) : undefined)));
    }
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Fetches the image (from the cache unless `force`) and renders what came back. */
  async load(force: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    if (this.shown.kind === 'status') this.showStatus(vscode.l10n.t('Loading…'), vscode.l10n.t('Looking up the image…'), 'info', false);
    else this.post({ type: 'busy', busy: true });
    try {
      const images = await this.services.images();
      const lookup = await images.get(this.imageId, { force });
      if (seq !== this.loadSeq || this.disposed) return;
      if (lookup.state === 'found') this.showImage(lookup.info);
      else if (lookup.state === 'video' || lookup.state === 'audio') await this.showMedia(lookup.state, lookup.info, seq);
      else this.showStatus(vscode.l10n.t('Image not found'), vscode.l10n.t('No VOD image with ID {0} in this account and region.', this.imageId), 'error', true);
    } catch (error) {
      if (seq !== this.loadSeq || this.disposed) return;
      this.showError(error);
    } finally {
      if (seq === this.loadSeq && !this.disposed) this.post({ type: 'busy', busy: false });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private showImage(info: ImageInfo): void {
    this.shown = { kind: 'image', info };
    this.panel.title = panelTitle(this.imageId, info);
    const webview = this.panel.webview;
    this.setHtml(
      renderPanelHtml({
        info,
        cspSource: hostCspSources(webview.cspSource),
        nonce: newNonce(),
        scriptUri: this.mediaUri('dist', 'panel.js'),
        styleUri: this.mediaUri('panel.css'),
        imageOrigin: imageOriginOf(info.URL),
        labels: panelLabels(),
        now: Date.now(),
        locale: vscode.env.language,
        lang: vscode.env.language,
      }),
    );
  }

  /**
   * A video or audio asset: its facts and the play streams GetPlayInfo lists (metadata only: the URLs
   * stay in the host). GetPlayInfo refuses assets that are not Normal, and keys without
   * vod:GetPlayInfo; the panel then shows why instead of streams.
   */
  private async showMedia(kind: MediaKind, info: VideoInfo, seq: number): Promise<void> {
    let streams: StreamsOutcome;
    let shownKind = kind;
    try {
      const api = await this.services.api();
      const played = await api.getPlayInfo(info.VideoId);
      streams = { streams: played.streams };
      // GetVideoInfos does not say audio or video; GetPlayInfo's VideoBase does.
      if (played.base?.MediaType?.toLowerCase() === 'audio') shownKind = 'audio';
    } catch (error) {
      if (!isVodError(error) || error.kind === 'cancelled') throw error;
      streams = { unavailable: localizeErrorLine(error) };
    }
    if (seq !== this.loadSeq || this.disposed) return;
    this.shown = { kind: 'media', info, streams };
    this.panel.title = panelTitle(this.imageId, { ImageId: info.VideoId, ...(info.Title === undefined ? {} : { Title: info.Title }) });
    const webview = this.panel.webview;
    this.setHtml(
      renderMediaPanelHtml({
        kind: shownKind,
        info,
        streams,
        cspSource: hostCspSources(webview.cspSource),
        nonce: newNonce(),
        scriptUri: this.mediaUri('dist', 'panel.js'),
        styleUri: this.mediaUri('panel.css'),
        imageOrigin: imageOriginOf(info.CoverURL),
        labels: panelLabels(),
        mediaLabels: mediaPanelLabels(),
        locale: vscode.env.language,
        lang: vscode.env.language,
      }),
    );
  }

  private showError(error: unknown): void {
    if (isVodError(error) && error.kind === 'noCredentials') {
      this.showStatus(vscode.l10n.t('Not signed in'), `${localizeError(error)} ${vscode.l10n.t('The panel reloads once you are signed in.')}`, 'info', true);
      return;
    }
    if (!isVodError(error)) this.services.log.error(`details panel: ${error instanceof Error ? error.message : String(error)}`);
    const message = isVodError(error) ? localizeErrorLine(error) : vscode.l10n.t('Unexpected error; see the log for details.');
    this.showStatus(vscode.l10n.t('Could not load the image'), message, 'error', true);
  }

  private showStatus(heading: string, message: string, tone: 'info' | 'error', canRefresh: boolean): void {
    this.shown = { kind: 'status' };
    this.panel.title = this.imageId;
    const webview = this.panel.webview;
    this.setHtml(
      renderStatusHtml({
        imageId: this.imageId,
        heading,
        message,
        tone,
        refreshLabel: canRefresh ? panelLabels().refresh : undefined,
        cspSource: hostCspSources(webview.cspSource),
        nonce: newNonce(),
        scriptUri: this.mediaUri('dist', 'panel.js'),
        styleUri: this.mediaUri('panel.css'),
        lang: vscode.env.language,
      }),
    );
  }

  private mediaUri(...path: string[]): string {
    return this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, ...path)).toString();
  }

  /** A new document means a new page: it must say `ready` again before it is talked to. */
  private setHtml(html: string): void {
    this.ready = false;
    this.pending = [];
    this.panel.webview.html = html;
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.pending.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return; // Not ours, or forged: the page renders API text, so its messages are untrusted.
    if (message.type === 'ready') {
      this.ready = true;
      const queued: HostMessage[] = [{ type: 'state', imageId: this.imageId }, ...this.pending];
      if (this.noticeAfterLoad !== undefined) queued.push({ type: 'notice', text: this.noticeAfterLoad });
      this.pending = [];
      this.noticeAfterLoad = undefined;
      for (const m of queued) void this.panel.webview.postMessage(m);
      return;
    }
    if (message.type === 'edit') return this.edit(message);
    await this.run(message.action, message.stream);
  }

  /**
   * The inline form's Save: checked again here (the page is untrusted), only changed fields sent.
   * On success the write event reloads the panel; a problem goes back to the form, which stays open.
   */
  private async edit(values: EditValues): Promise<void> {
    if (this.shown.kind !== 'image') return;
    const problem = editProblem(values);
    if (problem) return this.post({ type: 'editError', text: localizeMessage(problem) });
    const changed = changedValues(this.shown.info, values);
    if (Object.keys(changed).length === 0) return this.post({ type: 'notice', text: vscode.l10n.t('Nothing changed.') });
    this.post({ type: 'busy', busy: true });
    try {
      const { applyEdits } = await import('../manage/editImage');
      const outcome = await applyEdits(this.services, [{ imageId: this.imageId, ...changed }]);
      if (outcome.notFound.length > 0) this.post({ type: 'editError', text: vscode.l10n.t('Image not found: {0}', this.imageId) });
      else this.noticeAfterLoad = vscode.l10n.t('Saved.');
    } catch (error) {
      if (!isVodError(error)) this.services.log.error(`details panel edit: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'editError', text: isVodError(error) ? localizeErrorLine(error) : vscode.l10n.t('Unexpected error; see the log for details.') });
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  private async run(action: PanelAction, stream?: number): Promise<void> {
    try {
      switch (action) {
        case 'refresh':
          return await this.load(true);
        case 'copyId':
          return this.notifyIf(await vscode.commands.executeCommand('vodImages.copyId', this.imageId), vscode.l10n.t('Image ID copied.'));
        case 'copyUrl':
          return this.notifyIf(await vscode.commands.executeCommand('vodImages.copyUrl', this.imageId), vscode.l10n.t('URL copied.'));
        case 'copySignedUrl':
          return this.notifyIf(await vscode.commands.executeCommand('vodImages.copySignedUrl', this.imageId), vscode.l10n.t('Signed URL copied.'));
        case 'openInBrowser':
          return await this.openInBrowser();
        case 'copyPlayUrl':
          return this.notifyIf(
            await vscode.commands.executeCommand('vodImages.copyPlayUrl', this.imageId, ...this.streamOptions(stream)),
            vscode.l10n.t('Play URL copied.'),
          );
      }
    } catch (error) {
      reportError(this.services, error, action === 'copyPlayUrl' ? mediaPanelLabels().copyPlayUrl : panelLabels()[action]);
    }
  }

  /** A row button names its stream: copy that one with the default expiry; the header button asks. */
  private streamOptions(index: number | undefined): unknown[] {
    if (index === undefined || this.shown.kind !== 'media' || !('streams' in this.shown.streams)) return [];
    const stream = this.shown.streams.streams[index];
    if (!stream?.Definition) return [];
    return [{ definition: stream.Definition, ...(stream.Format ? { format: stream.Format } : {}) }];
  }

  private notifyIf(result: unknown, text: string): void {
    if (result !== undefined) this.post({ type: 'notice', text });
  }

  /** Opens the image URL, fetching a fresh one first if the shown one has (nearly) expired. */
  private async openInBrowser(): Promise<void> {
    if (this.shown.kind !== 'image' || !this.shown.info.URL) return;
    let url = this.shown.info.URL;
    const expiry = parseSignedUrlExpiry(url);
    if (expiry.kind !== 'none' && isStale(expiry.expiresAt, new Date())) {
      await this.load(true);
      if (this.shown.kind !== 'image' || !this.shown.info.URL) return;
      url = this.shown.info.URL;
    }
    if (!/^https?:\/\//i.test(url)) return;
    // The string form on purpose: the API accepts it (extHostWindow.openUri) and opens it verbatim,
    // whereas a vscode.Uri round trip re-encodes the query and breaks OSS signatures (%2B → +).
    await vscode.env.openExternal(url as unknown as vscode.Uri);
  }
}
