/**
 * The editor-intelligence view of the shared ImageService: the current instance once it is built,
 * and one event for "these IDs changed" that survives session changes (each session has its own
 * service, so the subscription is moved to the new one). Never builds the service by itself: the
 * controllers call `acquire()` from a debounced pass, so activation stays free of the client and
 * undici.
 */
import * as vscode from 'vscode';
import type { ImageService } from '../../vod/imageService';
import type { Services } from '../services';

/** IDs whose lookups changed, or `all` after a session change (another account: everything is void). */
export type ImagesChange = { readonly kind: 'ids'; readonly ids: readonly string[] } | { readonly kind: 'all' };

export class ImageServiceWatch implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ImagesChange>();
  readonly onDidChange = this.emitter.event;
  private service: ImageService | undefined;
  private subscription: { dispose(): void } | undefined;
  /** Bumped on every session change, so a service resolved for an older session is not adopted. */
  private generation = 0;
  private readonly sessionListener: vscode.Disposable;

  constructor(private readonly services: Services) {
    this.sessionListener = services.onDidChangeSession(() => {
      this.generation += 1;
      this.drop();
      this.emitter.fire({ kind: 'all' });
    });
  }

  /** The service if already built for this session; never builds it. */
  current(): ImageService | undefined {
    return this.service;
  }

  /** The service, built if needed; undefined when signed out or the client cannot be built. */
  async acquire(): Promise<ImageService | undefined> {
    if (this.service) return this.service;
    const generation = this.generation;
    let service: ImageService;
    try {
      service = await this.services.images();
    } catch {
      // Signed out or a bad endpoint setting: the hover and the commands report that; the background passes stay quiet.
      return undefined;
    }
    if (generation !== this.generation) return undefined;
    if (this.service !== service) {
      this.drop();
      this.service = service;
      this.subscription = service.onDidChange((ids) => this.emitter.fire({ kind: 'ids', ids }));
    }
    return service;
  }

  dispose(): void {
    this.drop();
    this.sessionListener.dispose();
    this.emitter.dispose();
  }

  private drop(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.service = undefined;
  }
}
