import * as assert from 'node:assert/strict';
import { imageOriginOf } from '../../src/vod/render/panelCsp';

describe('render/panelCsp imageOriginOf', () => {
  it('allows https image origins', () => {
    assert.equal(imageOriginOf('https://cdn.example.com/image/a.png?auth_key=1-0-0-x'), 'https://cdn.example.com');
  });
  it('allows plain http only for loopback hosts (the local emulator)', () => {
    assert.equal(imageOriginOf('http://127.0.0.1:8123/image/a.png'), 'http://127.0.0.1:8123');
    assert.equal(imageOriginOf('http://cdn.example.com/image/a.png?auth_key=1-0-0-x'), undefined);
  });
  it('refuses other schemes and embedded credentials', () => {
    assert.equal(imageOriginOf('javascript:alert(1)'), undefined);
    assert.equal(imageOriginOf('https://user:pw@cdn.example.com/a.png'), undefined);
  });
});
