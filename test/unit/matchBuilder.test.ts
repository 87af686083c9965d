/**
 * The Match builder, checked two ways: its output parsed by the emulator's Match parser
 * (test/emulator/match.ts, the grammar of vod-api.md §1.3) and evaluated on hand-made records, and
 * sent to the emulator through VodClient.searchImages, whose answers are compared with the fixture
 * library filtered directly in the test.
 */
import assert from 'node:assert/strict';
import { VodClient } from '../../src/vod/client';
import { VodError } from '../../src/vod/errors';
import { buildMatch, quoteMatchValue, searchTerms, type MatchFilter } from '../../src/vod/match/matchBuilder';
import { createUndiciTransport, type Transport } from '../../src/vod/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { getLibrary, type FixtureRecord } from '../emulator/fixtures';
import { compileMatch, type Searchable } from '../emulator/match';

function match(filter: MatchFilter): string {
  const result = buildMatch(filter);
  if (result instanceof VodError) throw new Error(`unexpected error: ${result.message}`);
  return result;
}

function invalid(filter: MatchFilter): VodError {
  const result = buildMatch(filter);
  assert.ok(result instanceof VodError, `expected an error, got ${String(result)}`);
  assert.equal(result.kind, 'invalidInput');
  return result;
}

const item = (fields: Partial<Searchable>): Searchable => ({ ImageId: 'x', ...fields });

describe('match: buildMatch', () => {
  it('is empty for an empty filter (search everything)', () => {
    assert.equal(match({}), '');
    assert.equal(match({ text: '   ', statuses: [] }), '');
  });

  it('searches the text in title, tags and description by default, with or inside parentheses', () => {
    const expression = match({ text: 'sneaker' });
    assert.equal(expression, "(Title = 'sneaker' or Tags = 'sneaker' or Description = 'sneaker')");
    const predicate = compileMatch(expression);
    assert.equal(predicate(item({ Title: 'Red Sneaker' })), true);
    assert.equal(predicate(item({ Tags: 'shoes,sneakers' })), true);
    assert.equal(predicate(item({ Description: 'a sneaker photo' })), true);
    assert.equal(predicate(item({ Title: 'boot' })), false);
  });

  it('searches one field without parentheses and de-duplicates fields', () => {
    assert.equal(match({ text: 'cat', fields: ['Tags', 'Tags'] }), "Tags = 'cat'");
  });

  it('trims the text and keeps full-width punctuation inside it', () => {
    const expression = match({ text: '  春节海报 — 红色，背景 ', fields: ['Title'] });
    assert.equal(expression, "Title = '春节海报 — 红色，背景'");
    assert.equal(compileMatch(expression)(item({ Title: '新 春节海报 — 红色，背景' })), true);
  });

  it('writes no escapes: any text, split at its quotes, parses and finds a title holding it', () => {
    const samples = ["O'Brien", 'C:\\path\\', "\\'", "'", '\\', "it's a \\'trap\\'", "a' or Title = 'b", ')', '’quoted’', "''x''"];
    let seed = 3;
    const alphabet = ["'", '\\', 'a', ' ', '(', ')', ',', '=', '中', '"'];
    for (let n = 0; n < 300; n++) {
      samples.push(Array.from({ length: n % 9 }, () => alphabet[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % alphabet.length]).join(''));
    }
    for (const text of samples) {
      const expression = match({ text, fields: ['Title'] });
      if (expression === '') {
        assert.deepEqual(searchTerms(text), [], JSON.stringify(text));
        continue;
      }
      const predicate = compileMatch(expression);
      assert.equal(predicate(item({ Title: `x ${text} y` })), true, JSON.stringify(text));
      assert.equal(predicate(item({ Title: 'zzz' })), false, JSON.stringify(text));
    }
  });

  it("splits a text holding ' into fuzzy terms joined with and", () => {
    assert.equal(match({ text: "O'Brien's photo", fields: ['Title'] }), "Title = 'O' and Title = 'Brien' and Title = 's photo'");
    assert.equal(
      match({ text: "it's", fields: ['Title', 'Tags'] }),
      "(Title = 'it' or Tags = 'it') and (Title = 's' or Tags = 's')",
    );
    assert.equal(match({ text: " ' ' ", fields: ['Title'] }), '');
    assert.throws(() => quoteMatchValue("a'b"));
  });

  it('cannot be broken out of by a quote in the text', () => {
    const expression = match({ text: "x' or Title = '", fields: ['Title'] });
    const predicate = compileMatch(expression);
    assert.equal(predicate(item({ Title: 'anything' })), false);
    assert.equal(predicate(item({ Title: "x' or Title = '" })), true);
  });

  it('filters by category and statuses', () => {
    assert.equal(match({ categoryId: 1000001 }), 'CateId = 1000001');
    assert.equal(match({ statuses: ['Uploading'] }), "Status = 'Uploading'");
    const expression = match({ statuses: ['Uploading', 'UploadFail', 'Uploading'], categoryId: 7 });
    assert.equal(expression, "CateId = 7 and Status in ('Uploading','UploadFail')");
    const predicate = compileMatch(expression);
    assert.equal(predicate(item({ CateId: 7, Status: 'UploadFail' })), true);
    assert.equal(predicate(item({ CateId: 7, Status: 'Normal' })), false);
    assert.equal(predicate(item({ CateId: 8, Status: 'Uploading' })), false);
  });

  it('makes creation-time ranges inclusive at whole seconds, with the documented open-interval forms', () => {
    const expression = match({ createdFrom: '2024-01-01T00:00:00Z', createdTo: '2024-01-31T12:00:00Z' });
    assert.equal(expression, "CreationTime = ('2023-12-31T23:59:59Z','2024-01-31T12:00:01Z')");
    const predicate = compileMatch(expression);
    const at = (time: string): boolean => predicate(item({ CreationTime: time }));
    assert.equal(at('2023-12-31T23:59:59Z'), false);
    assert.equal(at('2024-01-01T00:00:00Z'), true);
    assert.equal(at('2024-01-31T12:00:00Z'), true);
    assert.equal(at('2024-01-31T12:00:01Z'), false);
  });

  it('leaves an end open when only one is given', () => {
    assert.equal(match({ createdFrom: new Date('2024-06-01T08:00:00Z') }), "CreationTime = ('2024-06-01T07:59:59Z',)");
    assert.equal(match({ createdTo: '2024-06-01T08:00:00+08:00' }), "CreationTime = (,'2024-06-01T00:00:01Z')");
    for (const expression of [match({ createdFrom: '2024-06-01' }), match({ createdTo: '2024-06-01' })]) compileMatch(expression);
  });

  it('reads a date-only string as a whole UTC day', () => {
    const predicate = compileMatch(match({ createdFrom: '2024-02-29', createdTo: '2024-02-29' }));
    assert.equal(predicate(item({ CreationTime: '2024-02-28T23:59:59Z' })), false);
    assert.equal(predicate(item({ CreationTime: '2024-02-29T00:00:00Z' })), true);
    assert.equal(predicate(item({ CreationTime: '2024-02-29T23:59:59Z' })), true);
    assert.equal(predicate(item({ CreationTime: '2024-03-01T00:00:00Z' })), false);
  });

  it('rounds sub-second bounds inwards', () => {
    const predicate = compileMatch(match({ createdFrom: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 500)), createdTo: new Date(Date.UTC(2024, 0, 1, 0, 0, 5, 999)) }));
    assert.equal(predicate(item({ CreationTime: '2024-01-01T00:00:00Z' })), false);
    assert.equal(predicate(item({ CreationTime: '2024-01-01T00:00:01Z' })), true);
    assert.equal(predicate(item({ CreationTime: '2024-01-01T00:00:05Z' })), true);
    assert.equal(predicate(item({ CreationTime: '2024-01-01T00:00:06Z' })), false);
  });

  it('joins every part with and', () => {
    const expression = match({ text: 'cat', fields: ['Title', 'Tags'], categoryId: 1, statuses: ['Normal'], createdFrom: '2024-01-01' });
    assert.equal(expression, "(Title = 'cat' or Tags = 'cat') and CateId = 1 and Status = 'Normal' and CreationTime = ('2023-12-31T23:59:59Z',)");
    const predicate = compileMatch(expression);
    assert.equal(predicate(item({ Tags: 'cats', CateId: 1, Status: 'Normal', CreationTime: '2024-05-01T00:00:00Z' })), true);
    assert.equal(predicate(item({ Tags: 'cats', CateId: 1, Status: 'Normal', CreationTime: '2023-05-01T00:00:00Z' })), false);
  });

  it('explains unusable filters instead of building a broken expression', () => {
    invalid({ text: 'x', fields: [] });
    invalid({ text: 'x', fields: ['FileName' as 'Title'] });
    invalid({ text: 'x'.repeat(1025) });
    invalid({ categoryId: -1 });
    invalid({ categoryId: 1.5 });
    invalid({ statuses: ["Normal') or ('"] });
    invalid({ statuses: [''] });
    invalid({ createdFrom: '2024-02-30' });
    invalid({ createdFrom: '2024-06-01T08:00:00' }); // no zone: ambiguous
    invalid({ createdFrom: 'yesterday' });
    invalid({ createdFrom: new Date(Number.NaN) });
    invalid({ createdFrom: '2024-02-01', createdTo: '2024-01-01' });
  });
});

describe('match: buildMatch against the emulator', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let transport: Transport;
  let client: VodClient;
  const library = getLibrary().images;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    transport = createUndiciTransport({ env: {} });
    client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });

  async function search(filter: MatchFilter): Promise<string[]> {
    const { images, total } = await client.searchImages({ match: match(filter), pageSize: 100 });
    assert.ok(total <= 100, `narrow the test filter: ${total} matches`);
    return images.map((image) => image.ImageId).sort();
  }

  const expected = (keep: (record: FixtureRecord) => boolean): string[] => library.filter(keep).map((r) => r.imageId).sort();
  const contains = (field: string | undefined, text: string): boolean => field !== undefined && field.toLowerCase().includes(text.toLowerCase());

  it('finds a title with quotes and a backslash', async () => {
    const found = await search({ text: "O'Brien's \"quoted\" photo 100% \\ back", fields: ['Title'] });
    assert.deepEqual(found, expected((r) => r.traits.includes('quote')));
    assert.equal(found.length, 1);
  });

  it('finds CJK text in title, tags or description', async () => {
    const found = await search({ text: '春节' });
    assert.deepEqual(found, expected((r) => contains(r.title, '春节') || contains(r.tags, '春节') || contains(r.description, '春节')));
    assert.ok(found.length >= 1);
  });

  it('filters by statuses and category', async () => {
    assert.deepEqual(await search({ statuses: ['Uploading', 'UploadFail'] }), expected((r) => r.status !== 'Normal'));
    const products = 1000001;
    assert.deepEqual(await search({ categoryId: products }), expected((r) => r.cateId === products));
  });

  it('filters bulk images by an inclusive creation-time range', async () => {
    const bulk = library.filter((r) => r.traits.includes('bulk'));
    const from = bulk[10]!.creationTime;
    const to = bulk[40]!.creationTime;
    const found = await search({ text: 'bulk', fields: ['Tags'], createdFrom: from, createdTo: to });
    assert.deepEqual(found, expected((r) => contains(r.tags, 'bulk') && r.creationTime >= from && r.creationTime <= to));
    assert.equal(found.length, 31);
  });
});
