import { strict as assert } from 'node:assert';
import type { ScanState } from '../../src/ui/explorer/scanController';
import { decideScan } from '../../src/ui/explorer/scanTrigger';

const STATES: readonly ScanState['kind'][] = ['notStarted', 'untrusted', 'noFolder', 'scanning', 'done', 'cancelled', 'failed'];
/** States in which a scan has already run (or runs): the user's files were read once already. */
const SCANNED = STATES.filter((s) => s !== 'notStarted' && s !== 'untrusted');

describe('ui/explorer when a workspace scan starts (workspace trust)', () => {
  it('showing the view scans a trusted workspace once, and holds an untrusted one with an explanation', () => {
    assert.equal(decideScan('viewShown', 'notStarted', true), 'scan');
    assert.equal(decideScan('viewShown', 'notStarted', false), 'holdUntrusted');
    for (const state of STATES.filter((s) => s !== 'notStarted')) {
      for (const trusted of [true, false]) assert.equal(decideScan('viewShown', state, trusted), 'nothing', `${state}, trusted=${trusted}`);
    }
  });

  it('granting trust starts the scan that was held back, and nothing else', () => {
    assert.equal(decideScan('trustGranted', 'untrusted', true), 'scan');
    for (const state of STATES.filter((s) => s !== 'untrusted')) assert.equal(decideScan('trustGranted', state, true), 'nothing', state);
  });

  it('a changed scope (folders, scan settings) never reads an untrusted workspace the user has not scanned', () => {
    for (const trusted of [true, false]) {
      assert.equal(decideScan('scopeChanged', 'untrusted', trusted), 'nothing');
      assert.equal(decideScan('scopeChanged', 'notStarted', trusted), 'nothing');
    }
  });

  it('a changed scope rescans once a scan has run, including one the user asked for in an untrusted workspace', () => {
    for (const state of SCANNED) {
      for (const trusted of [true, false]) assert.equal(decideScan('scopeChanged', state, trusted), 'scan', `${state}, trusted=${trusted}`);
    }
  });
});
