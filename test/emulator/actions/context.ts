/** What every action handler gets: its parameters and the request's view of the world. */
import type { Library } from '../fixtures';

export interface ActionContext {
  params: Readonly<Record<string, string>>;
  library: Library;
  /** 'http://127.0.0.1:PORT', for the signed URLs in answers. */
  base: string;
  nowSec: number;
  /** Seconds a new upload credential lives (CreateUploadImage); the documented 3,000 unless a fault shortens it. */
  uploadCredentialTtlSec?: number;
}

/** An action's answer body without RequestId (the responder adds it first). */
export type ActionHandler = (context: ActionContext) => Record<string, unknown>;
