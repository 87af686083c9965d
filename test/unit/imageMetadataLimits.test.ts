/** The documented metadata limits of CreateUploadImage / UpdateImageInfos / DeleteImage, checked before sending. */
import { strict as assert } from 'node:assert';
import { VodError } from '../../src/vod/errors';
import { renderMessage } from '../../src/vod/messages';
import { checkMetadata, imageExtensionOf, metadataProblem, titleFromFileName, writeBatches, MAX_TAGS, MAX_TITLE_BYTES } from '../../src/vod/upload/imageMetadataLimits';


/** The first problem as English text, or `none` when the metadata may be sent. */
function problem(metadata: Parameters<typeof metadataProblem>[0], none = ''): string {
  const found = metadataProblem(metadata);
  return found === undefined ? none : renderMessage(found);
}
describe('image metadata limits', () => {
  it('accepts what the API accepts, at the limits', () => {
    assert.equal(metadataProblem({ title: 'a'.repeat(128), description: 'd'.repeat(1024), tags: Array.from({ length: 16 }, (_, i) => `t${i}`.padEnd(32, 'x')), cateId: 1000001 }), undefined);
    assert.equal(metadataProblem({ title: '春节海报 — 红色背景', tags: ['中文', 'product'] }), undefined);
    assert.equal(metadataProblem({}), undefined);
  });

  it('counts lengths in UTF-8 bytes, the stricter reading of the docs', () => {
    assert.match(problem({ title: '中'.repeat(43) }), /128 bytes/); // 129 bytes
    assert.equal(metadataProblem({ title: '中'.repeat(42) }), undefined); // 126 bytes
    assert.match(problem({ tags: ['标签'.repeat(6)] }), /32 bytes/); // 36 bytes
  });

  it('names the first problem: too long, too many, empty, commas, emoji, control characters, bad category', () => {
    const cases: Array<[Parameters<typeof metadataProblem>[0], RegExp]> = [
      [{ title: 'a'.repeat(129) }, /title is longer than 128/],
      [{ title: '   ' }, /title is empty/],
      [{ title: 'Launch 🚀' }, /emoji/],
      [{ title: 'line\nbreak' }, /control character/],
      [{ description: 'x'.repeat(1025) }, /description is longer than 1024/],
      [{ description: 'flag 🇨🇳' }, /emoji/],
      [{ tags: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) }, /more than 16 tags/],
      [{ tags: ['ok', ''] }, /tag is empty/],
      [{ tags: ['a,b'] }, /comma/],
      [{ tags: ['❤️'] }, /emoji/],
      [{ cateId: -1 }, /category/],
      [{ cateId: 1.5 }, /category/],
    ];
    for (const [metadata, want] of cases) assert.match(problem(metadata, '(accepted)'), want, JSON.stringify(metadata));
  });

  it('throws an invalidInput VodError before anything is sent', () => {
    assert.throws(() => checkMetadata({ title: 'x'.repeat(200) }), (err: unknown) => err instanceof VodError && err.kind === 'invalidInput');
    assert.doesNotThrow(() => checkMetadata({ title: 'fine' }));
  });

  it('knows the image types VOD takes from the file name', () => {
    assert.equal(imageExtensionOf('hero.PNG'), 'png');
    assert.equal(imageExtensionOf('/a/b/photo.jpeg'), 'jpeg');
    assert.equal(imageExtensionOf('anim.gif'), 'gif');
    for (const name of ['shot.webp', 'icon.svg', 'noext', 'archive.png.zip', 'dir.png/file']) assert.equal(imageExtensionOf(name), undefined, name);
  });

  it('splits writes into calls of at most 20 images', () => {
    assert.deepEqual(writeBatches([]).length, 0);
    assert.deepEqual(writeBatches(Array.from({ length: 45 }, (_, i) => i)).map((b) => b.length), [20, 20, 5]);
  });

  it('makes a title VOD takes from any file name: emoji and control characters dropped, cut to 128 bytes', () => {
    const cases: [string, string | undefined][] = [
      ['summer banner', 'summer banner'],
      ['party 🎉 photo', 'party photo'],
      ['🇨🇳👨‍👩‍👧', undefined],
      ['a\u0007b\tc', 'a b c'],
      ['   ', undefined],
    ];
    for (const [name, expected] of cases) assert.equal(titleFromFileName(name), expected, JSON.stringify(name));
    for (const name of ['会议截图'.repeat(11), 'x'.repeat(300), `${'é'.repeat(63)}😀${'é'.repeat(10)}`, '𠀀'.repeat(40)]) {
      const title = titleFromFileName(name)!;
      assert.equal(metadataProblem({ title }), undefined, `${name} → ${title}`);
      assert.ok(new TextEncoder().encode(title).length > MAX_TITLE_BYTES - 4, 'cut at the limit, not before');
      assert.ok(name.replace('😀', '').startsWith(title), 'a prefix, whole characters');
    }
  });
});
