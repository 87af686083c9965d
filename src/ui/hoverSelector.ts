/**
 * The documents the hovers (image and signed-URL expiry) and the quick fix serve: local and remote files
 * (in a remote or code-server extension host they are `file` URIs), unsaved buffers, virtual workspaces and
 * notebook cells. Output channels and other internal documents are left alone. A file of its own because
 * the activation shell registers the hovers and must not load the hover code to learn where.
 */
import type * as vscode from 'vscode';

export const HOVER_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
  { scheme: 'vscode-notebook-cell' },
];
