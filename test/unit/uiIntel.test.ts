/**
 * The pure parts of editor intelligence: which occurrences a visible editor resolves, the after-texts
 * and Problems entries planned for a document, the signed-URL expiry hover text, and the failure
 * backoff. The expected values are written out by hand from the fixtures (status values of the VOD
 * reference: Status Normal/Uploading/UploadFail, AuditStatus Blocked), not computed by the code.
 */
import assert from 'node:assert/strict';
import { parseSettings } from '../../src/ui/settings';
import { keepAuditStatus, needsAuditCheck } from '../../src/ui/intel/auditStatus';
import { planDecorations } from '../../src/ui/intel/decorationPlan';
import { planDiagnostics, type DiagnosticMessages } from '../../src/ui/intel/diagnosticPlan';
import { expiryHoverMarkdown, expiryState, signedUrlAt, type ExpiryHoverLabels } from '../../src/ui/intel/expiryHover';
import { FailureBackoff } from '../../src/ui/intel/failureBackoff';
import { distinctIds, occurrencesInSpans } from '../../src/ui/intel/occurrences';
import type { Lookup } from '../../src/vod/imageService';
import type { LookupState } from '../../src/vod/explorer/statusStyle';
import { scanText } from '../../src/vod/scan/scanText';
import type { ImageInfo } from '../../src/vod/schemas';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const D = 'd'.repeat(32);
const E = 'e'.repeat(32);

const found = (info: ImageInfo): Lookup => ({ state: 'found', info, fetchedAt: 0 });
const missing = (imageId: string): Lookup => ({ state: 'missing', imageId, fetchedAt: 0 });
const LABELS = { untitled: '(no title)', notFound: 'gone' };
const MESSAGES: DiagnosticMessages = {
  uploadFail: (id) => `fail ${id}`,
  blocked: (id) => `blocked ${id}`,
  uploading: (id) => `uploading ${id}`,
  missing: (id) => `missing ${id}`,
  mediaFail: (id) => `media fail ${id}`,
  mediaBlocked: (id) => `media blocked ${id}`,
};

describe('ui/intel: occurrences', () => {
  const text = [`x ${A}`, '', `${B} ${A}`, '', '', '', `${C}`, `${D}`].join('\n');
  const occurrences = scanText(text);

  it('keeps the occurrences on the visible lines, widened by the margin', () => {
    assert.deepEqual(
      occurrencesInSpans(occurrences, [{ startLine: 2, endLine: 3 }]).map((o) => [o.id, o.line]),
      [
        [B, 2],
        [A, 2],
      ],
    );
    assert.deepEqual(
      occurrencesInSpans(occurrences, [{ startLine: 2, endLine: 3 }], 2).map((o) => o.line),
      [0, 2, 2],
    );
    assert.deepEqual(
      occurrencesInSpans(occurrences, [{ startLine: 2, endLine: 3 }], 1).map((o) => o.line),
      [2, 2],
    );
    assert.deepEqual(
      occurrencesInSpans(occurrences, [
        { startLine: 0, endLine: 0 },
        { startLine: 7, endLine: 9 },
      ]).map((o) => o.id),
      [A, D],
    );
    assert.deepEqual(occurrencesInSpans(occurrences, []), []);
  });

  it('lists distinct IDs in text order, up to a limit', () => {
    assert.deepEqual(distinctIds(occurrences), [A, B, C, D]);
    assert.deepEqual(distinctIds(occurrences, 2), [A, B]);
  });
});

describe('ui/intel: decoration plan', () => {
  it('gives every occurrence of a known ID the after-text, unknown IDs none, missing ones only when asked', () => {
    const occurrences = scanText(`${A} and ${B}\n  "${A}" ${C}`);
    const lookups = new Map<string, Lookup>([
      [A, found({ ImageId: A, Title: 'Hero', Mezzanine: { Width: 1920, Height: 1080 } })],
      [C, missing(C)],
    ]);
    assert.deepEqual(planDecorations(occurrences, (id) => lookups.get(id), LABELS, false), [
      { imageId: A, line: 0, character: 0, length: 32, text: '  ▸ Hero · 1920×1080' },
      { imageId: A, line: 1, character: 3, length: 32, text: '  ▸ Hero · 1920×1080' },
    ]);
    assert.deepEqual(planDecorations(occurrences, (id) => lookups.get(id), LABELS, true), [
      { imageId: A, line: 0, character: 0, length: 32, text: '  ▸ Hero · 1920×1080' },
      { imageId: A, line: 1, character: 3, length: 32, text: '  ▸ Hero · 1920×1080' },
      { imageId: C, line: 1, character: 37, length: 32, text: '  ▸ gone' },
    ]);
  });

  it('uses the untitled label and stops at the limit', () => {
    const occurrences = scanText(`${A} ${A} ${A}`);
    const planned = planDecorations(occurrences, () => found({ ImageId: A }), LABELS, false, 2);
    assert.deepEqual(
      planned.map((p) => [p.character, p.text]),
      [
        [0, '  ▸ (no title)'],
        [33, '  ▸ (no title)'],
      ],
    );
  });
});

describe('ui/intel: diagnostic plan', () => {
  const text = [`blocked: ${A}`, `failed: ${B}`, `uploading: ${C}`, `fine: ${D}`, `unknown: ${E}`, `again: ${A}`].join('\n');
  const lookups = new Map<string, LookupState>([
    [A, found({ ImageId: A, Status: 'Normal', AuditStatus: 'Blocked' })],
    [B, found({ ImageId: B, Status: 'UploadFail' })],
    [C, found({ ImageId: C, Status: 'Uploading' })],
    [D, found({ ImageId: D, Status: 'Normal', AuditStatus: 'Normal' })],
    [E, missing(E)],
  ]);

  it('warns for blocked and failed uploads, informs for uploads in progress, says nothing for normal images', () => {
    const planned = planDiagnostics(scanText(text), (id) => lookups.get(id), { reportMissing: false, messages: MESSAGES });
    assert.deepEqual(
      planned.map((p) => [p.line, p.character, p.length, p.level, p.condition, p.message]),
      [
        [0, 9, 32, 'warning', 'blocked', `blocked ${A}`],
        [1, 8, 32, 'warning', 'uploadFail', `fail ${B}`],
        [2, 11, 32, 'information', 'uploading', `uploading ${C}`],
        [5, 7, 32, 'warning', 'blocked', `blocked ${A}`],
      ],
    );
  });

  it('reports missing IDs only when asked', () => {
    const planned = planDiagnostics(scanText(text), (id) => lookups.get(id), { reportMissing: true, messages: MESSAGES });
    assert.deepEqual(
      planned.filter((p) => p.condition === 'missing').map((p) => [p.line, p.level, p.message]),
      [[4, 'warning', `missing ${E}`]],
    );
  });

  it('never reports a failed, pending or unknown lookup', () => {
    const states = new Map<string, LookupState>([
      [A, { state: 'failed', error: new Error('offline') }],
      [B, { state: 'pending' }],
    ]);
    assert.deepEqual(planDiagnostics(scanText(text), (id) => states.get(id), { reportMissing: true, messages: MESSAGES }), []);
  });

  it('stops at the limit', () => {
    const planned = planDiagnostics(scanText(text), (id) => lookups.get(id), { reportMissing: true, messages: MESSAGES, limit: 2 });
    assert.equal(planned.length, 2);
  });
});

describe('ui/intel: signed-URL expiry hover', () => {
  const LABELS_EN: ExpiryHoverLabels = {
    authKeyHeading: 'CDN',
    ossHeading: 'OSS',
    expiresIn: (when, duration) => `Expires ${when} (in ${duration}).`,
    expiredAgo: (when, duration) => `Expired ${when} (${duration} ago).`,
    authKeyNote: 'note',
  };
  // 2030-01-01T00:00:00Z = 1893456000 (unix seconds).
  const expiresAt = 1_893_456_000;
  const cdn = `https://img.example.com/image/default/${A}.png?auth_key=${expiresAt}-0a1b2c-0-${'f'.repeat(32)}`;
  const oss = `https://bucket.oss-cn-shanghai.aliyuncs.com/image/x.png?Expires=${expiresAt}&OSSAccessKeyId=LTAIxxx&Signature=abc%3D`;
  const iso = (d: Date) => d.toISOString();

  it('finds the signed URL under the cursor, and nothing outside it or on an unsigned URL', () => {
    const line = `  "url": "${cdn}", "plain": "https://img.example.com/a.png?w=1"`;
    const start = line.indexOf('https://');
    assert.equal(signedUrlAt(line, start)?.url, cdn);
    assert.equal(signedUrlAt(line, start + cdn.length - 1)?.url, cdn);
    assert.equal(signedUrlAt(line, start + cdn.length), undefined);
    assert.equal(signedUrlAt(line, start - 1), undefined);
    assert.equal(signedUrlAt(line, line.lastIndexOf('https://') + 3), undefined);
  });

  it('says how long a CDN URL still lasts, without echoing the URL', () => {
    const match = signedUrlAt(cdn, 0)!;
    const now = new Date((expiresAt - 5400) * 1000);
    const markdown = expiryHoverMarkdown(match, now, LABELS_EN, iso);
    assert.match(markdown, /in 1 h 30 min/);
    // Escaped for Markdown: the time is text, never a link.
    assert.ok(markdown.includes('Expires 2030\\-01\\-01T00\\:00\\:00\\.000Z \\(in 1 h 30 min\\)\\.'), markdown);
    assert.match(markdown, /^\*\*CDN\*\*/);
    assert.match(markdown, /_note_$/);
    for (const secret of ['auth_key', '0a1b2c', 'img.example', 'ffff']) assert.ok(!markdown.includes(secret), `${secret} echoed`);
  });

  it('says how long ago an OSS URL expired, without echoing its signature', () => {
    const match = signedUrlAt(`see ${oss} here`, 10)!;
    assert.equal(match.expiry.kind, 'oss');
    const now = new Date((expiresAt + 3 * 86400 + 7200 + 59) * 1000);
    const markdown = expiryHoverMarkdown(match, now, LABELS_EN, () => 'WHEN');
    assert.equal(markdown, '**OSS**\n\nExpired WHEN \\(3 days 2 h ago\\)\\.');
    for (const secret of ['Signature', 'LTAIxxx', 'abc', 'bucket']) assert.ok(!markdown.includes(secret), `${secret} echoed`);
  });

  it('counts the expiry instant itself as expired', () => {
    const at = new Date(expiresAt * 1000);
    assert.deepEqual(expiryState(at, new Date(expiresAt * 1000 - 1500)), { expired: false, seconds: 1 });
    assert.deepEqual(expiryState(at, at), { expired: true, seconds: 0 });
    assert.deepEqual(expiryState(at, new Date(expiresAt * 1000 + 61_000)), { expired: true, seconds: 61 });
  });

  it('ignores very long lines (minified files) on mouse moves', () => {
    const line = `${'x'.repeat(70_000)} ${cdn}`;
    assert.equal(signedUrlAt(line, 70_005), undefined);
  });
});

describe('ui/intel: failure backoff', () => {
  it('holds failed IDs back for the backoff, then lets them through once', () => {
    let now = 1000;
    const backoff = new FailureBackoff(() => now, 30_000);
    backoff.markFailed([A, B]);
    assert.deepEqual(backoff.allowed([A, B, C]), [C]);
    now += 29_999;
    assert.deepEqual(backoff.allowed([A, C]), [C]);
    now += 1;
    assert.deepEqual(backoff.allowed([A, B]), [A, B]);
    backoff.markFailed([A]);
    backoff.clear();
    assert.deepEqual(backoff.allowed([A]), [A]);
  });
});

describe('ui/intel: settings', () => {
  it('reads the decorations mode and the diagnostics switches, falling back on invalid values', () => {
    const valid = parseSettings((key) => ({ decorations: 'off', 'diagnostics.reportMissing': true })[key]);
    assert.equal(valid.settings.decorations, 'off');
    assert.equal(valid.settings.diagnosticsReportMissing, true);
    assert.equal(valid.settings.diagnosticsEnabled, true);
    const invalid = parseSettings((key) => ({ decorations: 'always', 'diagnostics.enabled': 'no' })[key]);
    assert.equal(invalid.settings.decorations, 'cached');
    assert.equal(invalid.settings.diagnosticsEnabled, true);
    assert.deepEqual(invalid.problems.map((p) => p.key).sort(), ['vodImages.decorations', 'vodImages.diagnostics.enabled']);
  });
});

describe('ui/intel: audit status (only GetImageInfo returns it)', () => {
  it('asks for the audit status of found images that lack it, except failed uploads', () => {
    assert.equal(needsAuditCheck(found({ ImageId: A, Status: 'Normal' })), true);
    assert.equal(needsAuditCheck(found({ ImageId: A, Status: 'Uploading' })), true);
    assert.equal(needsAuditCheck(found({ ImageId: A, Status: 'UploadFail' })), false);
    assert.equal(needsAuditCheck(found({ ImageId: A, Status: 'Normal', AuditStatus: 'Normal' })), false);
    assert.equal(needsAuditCheck(missing(A)), false);
    assert.equal(needsAuditCheck(undefined), false);
  });

  it('keeps a learnt Blocked status when a batch answer without the field replaces the image', () => {
    const single = found({ ImageId: A, Title: 'old', Status: 'Normal', AuditStatus: 'Blocked' });
    const batch = found({ ImageId: A, Title: 'new', Status: 'Normal' });
    const merged = keepAuditStatus(single, batch);
    assert.deepEqual(merged.state === 'found' && [merged.info.Title, merged.info.AuditStatus], ['new', 'Blocked']);
    const diagnostics = planDiagnostics(scanText(A), () => merged, { reportMissing: false, messages: MESSAGES });
    assert.deepEqual(diagnostics.map((d) => d.condition), ['blocked']);
    // A newer audit status wins, and a missing image stays missing.
    const reviewed = found({ ImageId: A, Status: 'Normal', AuditStatus: 'Normal' });
    assert.equal(keepAuditStatus(single, reviewed), reviewed);
    assert.equal(keepAuditStatus(single, missing(A)).state, 'missing');
  });
});
