/**
 * Which Problems-panel entries a document gets: one per occurrence of an ID whose image failed to
 * upload or was blocked (warnings), is still uploading (information), or — only when the user asked —
 * does not exist. Severity comes from the core's `statusStyle` table, so the tree, the decorations
 * and the Problems panel agree. Pure (no `vscode`).
 */
import { conditionOfLookup, diagnosticSeverity, type DiagnosticLevel, type ImageCondition, type LookupState } from '../../vod/explorer/statusStyle';
import type { TextOccurrence } from '../../vod/scan/scanText';

/** The conditions that can be reported, each with its message (the ID as argument). */
export type ReportedCondition = Extract<ImageCondition, 'uploadFail' | 'blocked' | 'uploading' | 'missing' | 'mediaFail' | 'mediaBlocked'>;
export type DiagnosticMessages = Readonly<Record<ReportedCondition, (imageId: string) => string>>;

const REPORTED: ReadonlySet<ImageCondition> = new Set<ReportedCondition>(['uploadFail', 'blocked', 'uploading', 'missing', 'mediaFail', 'mediaBlocked']);

function isReported(condition: ImageCondition): condition is ReportedCondition {
  return REPORTED.has(condition);
}

export interface PlannedDiagnostic {
  readonly imageId: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly level: DiagnosticLevel;
  readonly condition: ReportedCondition;
  readonly message: string;
}

/** A file listing thousands of broken images needs fixing as a whole; more entries only slow the panel. */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

export interface DiagnosticPlanOptions {
  readonly reportMissing: boolean;
  readonly messages: DiagnosticMessages;
  readonly limit?: number;
}

export function planDiagnostics(
  occurrences: readonly TextOccurrence[],
  lookupOf: (imageId: string) => LookupState | undefined,
  options: DiagnosticPlanOptions,
): PlannedDiagnostic[] {
  const limit = options.limit ?? MAX_DIAGNOSTICS_PER_DOCUMENT;
  const planned: PlannedDiagnostic[] = [];
  for (const o of occurrences) {
    if (planned.length >= limit) break;
    const lookup = lookupOf(o.id);
    if (lookup === undefined) continue;
    const level = diagnosticSeverity(lookup, options.reportMissing);
    if (level === undefined) continue;
    const condition = conditionOfLookup(lookup);
    // The style table decides severities; a condition it starts reporting needs a message here first.
    if (!isReported(condition)) continue;
    planned.push({ imageId: o.id, line: o.line, character: o.character, length: o.length, level, condition, message: options.messages[condition](o.id) });
  }
  return planned;
}
