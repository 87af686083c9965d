/**
 * Status styling and diagnostics severity, on the emulator's fixtures (their traits say what each
 * image is) and on lookup states. The codicon and theme-colour IDs were checked against the
 * VS Code build under test/host (codicon registry and registerColor calls).
 */
import assert from 'node:assert/strict';
import { conditionOf, conditionOfLookup, diagnosticSeverity, styleFor, styleForLookup, type ImageCondition, type LookupState } from '../../src/vod/explorer/statusStyle';
import type { ImageInfo } from '../../src/vod/schemas';
import { getLibrary } from '../emulator/fixtures';

const fixtures = getLibrary().images;
const found = (info: ImageInfo) => ({ state: 'found' as const, info, fetchedAt: 0 });

describe('explorer: status style', () => {
  it('classifies the fixture library by its traits', () => {
    for (const record of fixtures.slice(0, 80)) {
      const info: ImageInfo = { ImageId: record.imageId, Status: record.status, ...(record.auditStatus ? { AuditStatus: record.auditStatus } : {}) };
      const expected: ImageCondition = record.traits.includes('uploadFail')
        ? 'uploadFail'
        : record.traits.includes('blocked')
          ? 'blocked'
          : record.traits.includes('uploading')
            ? 'uploading'
            : 'normal';
      assert.equal(conditionOf(info), expected, record.imageId);
    }
  });

  it('makes UploadFail and Blocked warnings, Uploading information, Normal nothing', () => {
    assert.equal(diagnosticSeverity(found({ ImageId: 'a', Status: 'UploadFail' }), false), 'warning');
    assert.equal(diagnosticSeverity(found({ ImageId: 'a', Status: 'Normal', AuditStatus: 'Blocked' }), false), 'warning');
    assert.equal(diagnosticSeverity(found({ ImageId: 'a', Status: 'Uploading' }), false), 'information');
    assert.equal(diagnosticSeverity(found({ ImageId: 'a', Status: 'Normal', AuditStatus: 'Normal' }), false), undefined);
  });

  it('reports missing images only when asked, and never a failed or pending lookup', () => {
    const missing = { state: 'missing' as const, imageId: 'a', fetchedAt: 0 };
    assert.equal(diagnosticSeverity(missing, false), undefined);
    assert.equal(diagnosticSeverity(missing, true), 'warning');
    assert.equal(diagnosticSeverity({ state: 'failed', error: new Error('offline') }, true), undefined);
    assert.equal(diagnosticSeverity({ state: 'pending' }, true), undefined);
  });

  it('ranks a failed upload above a block, a block above uploading; ignores case; never guesses unknown statuses', () => {
    assert.equal(conditionOf({ ImageId: 'a', Status: 'UploadFail', AuditStatus: 'Blocked' }), 'uploadFail');
    assert.equal(conditionOf({ ImageId: 'a', Status: 'Uploading', AuditStatus: 'Blocked' }), 'blocked');
    assert.equal(conditionOf({ ImageId: 'a', Status: 'NORMAL' }), 'normal');
    assert.equal(conditionOf({ ImageId: 'a', Status: 'Checking' }), 'otherStatus');
    assert.equal(conditionOf({ ImageId: 'a' }), 'otherStatus');
    assert.equal(styleFor('otherStatus').severity, undefined);
  });

  it('gives every condition a codicon, and distinct looks to the states a user must tell apart', () => {
    const conditions: ImageCondition[] = ['normal', 'uploading', 'uploadFail', 'blocked', 'otherStatus', 'missing', 'failed', 'pending'];
    for (const condition of conditions) {
      const style = styleFor(condition);
      assert.equal(style.condition, condition);
      assert.match(style.icon, /^[a-z-]+(~spin)?$/);
    }
    const looks = ['normal', 'uploading', 'uploadFail', 'blocked', 'missing', 'failed'].map((c) => {
      const style = styleFor(c as ImageCondition);
      return `${style.icon}/${style.color}`;
    });
    assert.equal(new Set(looks).size, looks.length);
    assert.equal(styleForLookup({ state: 'pending' }).icon, 'loading~spin');
  });
});

describe('explorer status style: audio and video', () => {
  const media = (state: 'video' | 'audio', Status: string): LookupState => ({ state, info: { VideoId: 'v', Status }, fetchedAt: 0 });

  it('gives Normal videos and audio their own icons and no diagnostic', () => {
    assert.equal(styleForLookup(media('video', 'Normal')).icon, 'device-camera-video');
    assert.equal(styleForLookup(media('audio', 'Normal')).icon, 'unmute');
    assert.equal(diagnosticSeverity(media('video', 'Normal'), true), undefined);
  });

  it('reports failures and blocks as warnings, processing as nothing', () => {
    for (const status of ['UploadFail', 'TranscodeFail', 'ProduceFail']) assert.equal(diagnosticSeverity(media('video', status), false), 'warning');
    assert.equal(conditionOfLookup(media('audio', 'Blocked')), 'mediaBlocked');
    assert.equal(diagnosticSeverity(media('audio', 'Blocked'), false), 'warning');
    for (const status of ['Uploading', 'UploadSucc', 'Transcoding', 'Checking']) assert.equal(diagnosticSeverity(media('video', status), true), undefined);
    assert.equal(conditionOfLookup(media('video', 'Something new')), 'otherStatus');
  });

  it('never reports a video as missing; an ID the key could not check is not reported either', () => {
    assert.equal(diagnosticSeverity({ state: 'missing', imageId: 'x', fetchedAt: 0, videoCheck: 'denied' }, true), undefined);
    assert.equal(diagnosticSeverity({ state: 'missing', imageId: 'x', fetchedAt: 0 }, true), 'warning');
  });
});
