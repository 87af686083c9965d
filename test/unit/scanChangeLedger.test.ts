import { strict as assert } from 'node:assert';
import { ChangeLedger } from '../../src/vod/scan/changeLedger';

const FILE = 'file:///ws/docs/notes.md';

describe('vod/scan which scan results the file watcher has overtaken (ChangeLedger)', () => {
  it('a result for a file deleted after the scan began is stale; one deleted before is not', () => {
    const ledger = new ChangeLedger();
    const early = ledger.begin();
    ledger.touch(FILE, 'deleted');
    const late = ledger.begin();
    assert.equal(ledger.isStale(FILE, early), true);
    assert.equal(ledger.isStale(FILE, late), false, 'a scan that began after the deletion read the file system without the file');
  });

  it('a deleted folder makes everything under it stale, and nothing beside it', () => {
    const ledger = new ChangeLedger();
    const mark = ledger.begin();
    ledger.touch('file:///ws/docs', 'deleted');
    assert.equal(ledger.isStale(FILE, mark), true);
    assert.equal(ledger.isStale('file:///ws/docs/deep/er/a.txt', mark), true);
    assert.equal(ledger.isStale('file:///ws/docs2/a.txt', mark), false, 'a sibling whose name starts the same');
    assert.equal(ledger.isStale('file:///ws/readme.md', mark), false);
  });

  it('a changed file is stale only itself: a change to a folder says nothing of its files', () => {
    const ledger = new ChangeLedger();
    const mark = ledger.begin();
    ledger.touch('file:///ws/docs', 'changed');
    ledger.touch('file:///ws/a.txt', 'changed');
    assert.equal(ledger.isStale(FILE, mark), false);
    assert.equal(ledger.isStale('file:///ws/a.txt', mark), true);
  });

  it('records nothing while no scan reads, and forgets old events once every scan has ended', () => {
    const ledger = new ChangeLedger();
    ledger.touch(FILE, 'deleted'); // nothing reading: ignored
    const first = ledger.begin();
    assert.equal(ledger.isStale(FILE, first), false);
    ledger.touch(FILE, 'deleted');
    ledger.end();
    const next = ledger.begin();
    assert.equal(ledger.isStale(FILE, next), false);
    assert.equal(ledger.isStale(FILE, first), false, 'the record went when the last reader ended');
    ledger.end();
    ledger.end(); // one end too many does not let a later scan miss events
    const third = ledger.begin();
    ledger.touch(FILE, 'changed');
    assert.equal(ledger.isStale(FILE, third), true);
  });

  it('overlapping scans each judge by their own start', () => {
    const ledger = new ChangeLedger();
    const full = ledger.begin();
    ledger.touch(FILE, 'changed');
    const incremental = ledger.begin();
    assert.equal(ledger.isStale(FILE, full), true);
    assert.equal(ledger.isStale(FILE, incremental), false);
    ledger.end();
    ledger.touch('file:///ws/docs', 'deleted');
    assert.equal(ledger.isStale(FILE, incremental), true, 'still recorded while the other scan reads');
  });

  it('works for remote URIs and stops at the authority', () => {
    const ledger = new ChangeLedger();
    const mark = ledger.begin();
    ledger.touch('vscode-remote://ssh-remote+box/home/me', 'deleted');
    assert.equal(ledger.isStale('vscode-remote://ssh-remote+box/home/me/x/y.ts', mark), true);
    assert.equal(ledger.isStale('vscode-remote://ssh-remote+box/home/you/y.ts', mark), false);
  });
});
