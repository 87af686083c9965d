/**
 * The emulator's SearchMedia `Match` parser on hand-made records (no server): each documented form,
 * the quote escape we chose, and the syntax errors.
 */
import assert from 'node:assert/strict';
import { ApiError } from '../emulator/apiError';
import { compileMatch, type Searchable } from '../emulator/match';

const items: Searchable[] = [
  { ImageId: 'a1', Title: 'Red Sneaker', Tags: 'shoes,red', Status: 'Normal', CateId: 1, CreationTime: '2024-01-01T00:00:00Z', StorageLocation: 'b1' },
  { ImageId: 'b2', Title: "O'Brien's photo", Tags: 'people', Status: 'Uploading', CateId: 2, CreationTime: '2024-02-01T00:00:00Z', StorageLocation: 'b2' },
  { ImageId: 'c3', Title: 'C:\\path', Description: 'Blue sky', Status: 'UploadFail', CateId: 1, CreationTime: '2024-03-01T00:00:00Z' },
  { ImageId: 'd4', Status: 'Normal', CreationTime: '2024-04-01T00:00:00Z' },
];

function ids(match: string): string[] {
  const predicate = compileMatch(match);
  return items.filter(predicate).map((i) => i.ImageId ?? '');
}

function syntaxError(match: string): void {
  assert.throws(
    () => compileMatch(match),
    (error: unknown) => error instanceof ApiError && error.code === 'ErrorMatchSyntax' && error.httpStatus === 400,
    match,
  );
}

describe('emulator Match parser', () => {
  it('matches Title, Tags and Description fuzzily (substring, any case)', () => {
    assert.deepEqual(ids("Title = 'sneak'"), ['a1']);
    assert.deepEqual(ids("Title = 'RED'"), ['a1']);
    assert.deepEqual(ids("Tags = 'shoe'"), ['a1']);
    assert.deepEqual(ids("Description = 'sky'"), ['c3']);
    assert.deepEqual(ids("Title in ('sneaker', 'photo')"), ['a1', 'b2']);
  });

  it('matches ImageId, CateId, Status and StorageLocation exactly', () => {
    assert.deepEqual(ids("ImageId = 'a1'"), ['a1']);
    assert.deepEqual(ids("ImageId = 'a'"), []);
    assert.deepEqual(ids('CateId = 1'), ['a1', 'c3']);
    assert.deepEqual(ids("Status = 'normal'"), []);
    assert.deepEqual(ids("Status in ('Uploading','UploadFail')"), ['b2', 'c3']);
    assert.deepEqual(ids("StorageLocation = 'b2'"), ['b2']);
  });

  it('handles ranges: open and closed brackets, open ends', () => {
    assert.deepEqual(ids("CreationTime = ('2024-01-01T00:00:00Z','2024-03-01T00:00:00Z')"), ['b2']);
    assert.deepEqual(ids("CreationTime = ['2024-01-01T00:00:00Z','2024-03-01T00:00:00Z']"), ['a1', 'b2', 'c3']);
    assert.deepEqual(ids("CreationTime = ['2024-01-01T00:00:00Z','2024-03-01T00:00:00Z')"), ['a1', 'b2']);
    assert.deepEqual(ids("CreationTime = ('2024-02-01T00:00:00Z',)"), ['c3', 'd4']);
    assert.deepEqual(ids("CreationTime = (,'2024-02-01T00:00:00Z']"), ['a1', 'b2']);
  });

  it('combines with and, and with or inside parentheses', () => {
    assert.deepEqual(ids("Status = 'Normal' and Title = 'red'"), ['a1']);
    assert.deepEqual(ids("(Status = 'Uploading' or Title = 'red') and CateId = 2"), ['b2']);
    assert.deepEqual(ids("(Status = 'Uploading' OR Status = 'UploadFail') AND (CateId = 1 or CateId = 2)"), ['b2', 'c3']);
    assert.deepEqual(ids("((Title = 'red'))"), ['a1']);
  });

  it('knows no escapes: a string ends at the next quote, a backslash is an ordinary character', () => {
    syntaxError("Title = 'O\\'Brien'");
    assert.deepEqual(ids("Title = 'C:\\path'"), ['c3']);
    assert.deepEqual(ids("Title = 'O' and Title = 'Brien'"), ['b2']);
  });

  it('takes CateId (a Long) only unquoted', () => {
    syntaxError("CateId = '1'");
    syntaxError('CateId = 1.5');
    syntaxError("CateId in ('1')");
    syntaxError('Title = 1');
  });

  it('answers ErrorMatchSyntax for what it cannot parse', () => {
    for (const bad of [
      "Title = 'a' or Title = 'b'",
      "Title = 'unterminated",
      'Title = unquoted',
      "Title == 'x'",
      "Unknown = 'x'",
      "title = 'x'",
      "Title = 'a' and",
      "(Title = 'a'",
      "Title = 'a')",
      "ImageId in ('a','b')",
      "Title = ('2024-01-01T00:00:00Z',)",
      "CreationTime = ('yesterday',)",
      'CreationTime = (,)',
      "Title in ()",
      "Title = 'a' ; drop",
      "Title = 'a' Title = 'b'",
    ]) {
      syntaxError(bad);
    }
  });

  it('matches each type on its own ID field: VideoId (exact or up to 100 in a list), AudioId (exact only)', () => {
    const media: Searchable[] = [{ VideoId: 'v1', Title: 'A' }, { VideoId: 'v2' }, { AudioId: 'a1' }, { AudioId: 'a2' }];
    const pick = (match: string, type: 'video' | 'audio'): string[] => media.filter(compileMatch(match, type)).map((m) => m.VideoId ?? m.AudioId ?? '');
    assert.deepEqual(pick("VideoId = 'v2'", 'video'), ['v2']);
    assert.deepEqual(pick("VideoId in ('v1','a1','v2')", 'video'), ['v1', 'v2']);
    assert.deepEqual(pick("(AudioId = 'a2' or AudioId = 'v1' or AudioId = 'a1')", 'audio'), ['a1', 'a2']);
    const tooMany = `VideoId in (${Array.from({ length: 101 }, (_, n) => `'v${n}'`).join(',')})`;
    for (const [match, type] of [
      ["AudioId in ('a1','a2')", 'audio'],
      ["AudioId = 'a1'", 'video'],
      ["VideoId = 'v1'", 'audio'],
      ["ImageId = 'v1'", 'video'],
      ["FileName = 'x'", 'audio'],
      [tooMany, 'video'],
    ] as const) {
      assert.throws(() => compileMatch(match, type), (error: unknown) => error instanceof ApiError && error.code === 'ErrorMatchSyntax', match);
    }
    assert.throws(() => compileMatch("VideoId = 'v1'"), ApiError, 'VideoId is no image field');
  });
});
