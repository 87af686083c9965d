/**
 * Editor intelligence: inline decorations, diagnostics with an "open details" quick fix, and the
 * signed-URL expiry hover, for the same kinds of documents as the image hover.
 */
import * as vscode from 'vscode';
import { HOVER_SELECTOR } from '../hoverSelector';
import type { Services } from '../services';
import { DecorationController, type DecorationView } from './decorations';
import { DiagnosticsController } from './diagnostics';
import { DocumentIds } from './documentIds';
import { ExpiryHoverProvider } from './expiryHoverProvider';
import { ImageServiceWatch } from './imageServiceWatch';
import { OpenDetailsQuickFix } from './quickFix';

/** Reachable from the integration tests through the extension's test hooks. */
export interface IntelTestHooks {
  /** The after-texts the visible editor of a document shows (by URI string), or undefined when none is visible. */
  decorationsFor(uri: string): DecorationView[] | undefined;
}

export interface Intel {
  readonly disposables: vscode.Disposable[];
  /** Registered by the activation shell, which forwards to it (see src/extension.ts). */
  readonly expiryHover: vscode.HoverProvider;
  readonly testHooks: IntelTestHooks;
}

export function register(services: Services): Intel {
  const watch = new ImageServiceWatch(services);
  const documentIds = new DocumentIds();
  const decorations = new DecorationController(services, watch, documentIds);
  const diagnostics = new DiagnosticsController(services, watch, documentIds);
  return {
    disposables: [
      decorations,
      diagnostics,
      watch,
      vscode.languages.registerCodeActionsProvider(HOVER_SELECTOR, new OpenDetailsQuickFix(), OpenDetailsQuickFix.metadata),
    ],
    expiryHover: new ExpiryHoverProvider(),
    testHooks: { decorationsFor: (uri) => decorations.decorationsFor(uri) },
  };
}
