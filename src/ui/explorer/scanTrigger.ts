/**
 * Whether something that happened should start a full workspace scan. Kept apart from the
 * controller so every trigger and state can be checked without a window (unit tests); a real
 * untrusted window is exercised by the host suite in test/integration-untrusted/.
 *
 * The rule: files are read automatically only in a trusted workspace, or once the user has asked
 * for a scan (the command runs even when untrusted). While the explorer is still explaining that the
 * workspace is untrusted, nothing but granting trust (or the command) starts a scan.
 */
import type { ScanState } from './scanController';

export type ScanTrigger =
  /** The explorer's tree was first shown. */
  | 'viewShown'
  /** The user granted workspace trust. */
  | 'trustGranted'
  /** Workspace folders, or a setting that decides which files are scanned, changed. */
  | 'scopeChanged';

export type ScanDecision =
  | 'scan'
  /** Do not scan; show why (the workspace is untrusted) and offer the command. */
  | 'holdUntrusted'
  | 'nothing';

export function decideScan(trigger: ScanTrigger, state: ScanState['kind'], trusted: boolean): ScanDecision {
  switch (trigger) {
    case 'viewShown':
      if (state !== 'notStarted') return 'nothing';
      return trusted ? 'scan' : 'holdUntrusted';
    case 'trustGranted':
      return state === 'untrusted' ? 'scan' : 'nothing';
    case 'scopeChanged':
      // Never scanned, or waiting for trust: a changed scope is no reason to read files now.
      return state === 'notStarted' || state === 'untrusted' ? 'nothing' : 'scan';
  }
}
