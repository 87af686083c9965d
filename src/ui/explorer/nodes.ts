/**
 * The explorer's tree elements. Each carries a stable `key` (also the TreeItem id) and its parent,
 * so `reveal` can walk up, and image rows carry `imageId`, which is all the shared commands
 * (openDetails, copy…) need from a menu argument.
 */
import type { Occurrence } from '../../vod/scan/workspaceIndex';

export type SectionId = 'selection' | 'workspace' | 'recent' | 'pinned' | 'library';

export const SECTION_ORDER: readonly SectionId[] = ['selection', 'workspace', 'recent', 'pinned', 'library'];

export interface SectionNode {
  readonly kind: 'section';
  readonly key: string;
  readonly section: SectionId;
}

export interface CategoryNode {
  readonly kind: 'category';
  readonly key: string;
  readonly parent: SectionNode;
  /** Undefined: the images in no category. */
  readonly categoryId: number | undefined;
  readonly name: string | undefined;
  readonly imageIds: readonly string[];
}

export interface ImageNode {
  readonly kind: 'image';
  readonly key: string;
  readonly section: SectionId;
  readonly imageId: string;
  readonly parent: SectionNode | CategoryNode;
}

export interface OccurrenceNode {
  readonly kind: 'occurrence';
  readonly key: string;
  readonly imageId: string;
  readonly occurrence: Occurrence;
  readonly parent: ImageNode;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly key: string;
  readonly parent: SectionNode;
  readonly text: string;
  readonly tooltip?: string | undefined;
  readonly icon: string;
  /** A command to run on click, with its arguments. */
  readonly command?: { readonly id: string; readonly title: string; readonly args?: readonly unknown[] } | undefined;
}

export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly key: string;
  readonly parent: SectionNode;
}

export type ExplorerNode = SectionNode | CategoryNode | ImageNode | OccurrenceNode | MessageNode | LoadMoreNode;

/** Nodes whose images can be copied as a table or JSON. */
export type GroupNode = SectionNode | CategoryNode;

export function isGroupNode(value: unknown): value is GroupNode {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof value === 'object' && value !== null && (kind === 'section' || kind === 'category') && typeof (value as { key?: unknown }).key === 'string';
}

export function sectionNode(section: SectionId): SectionNode {
  return { kind: 'section', key: section, section };
}
