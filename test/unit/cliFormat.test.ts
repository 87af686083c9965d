/** vodimg's text blocks: the category reads the same for images and videos. */
import assert from 'node:assert/strict';
import { formatAsset } from '../../src/cli/format';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('cli: formatAsset', () => {
  it('shows an image’s and a video’s category alike: the name with the ID, or the ID for a blank name', () => {
    const image = formatAsset({ kind: 'image', info: { ImageId: 'a'.repeat(32), CateName: 'Shoes', CateId: 12 } }, NOW);
    const video = formatAsset({ kind: 'video', info: { VideoId: 'b'.repeat(32), CateName: 'Events', CateId: 7 } }, NOW);
    const blank = formatAsset({ kind: 'video', info: { VideoId: 'c'.repeat(32), CateName: '  ', CateId: 7 } }, NOW);
    assert.match(image, /^Category: +Shoes \(12\)$/m);
    assert.match(video, /^Category: +Events \(7\)$/m);
    assert.match(blank, /^Category: +7$/m);
  });
});
