import { strict as assert } from 'node:assert';
import { PROFILES_STATE_KEY, ProfileRegistry, profileNameProblem, type ProfileRecord } from '../../src/ui/profiles';

/** A Memento over a Map, values round-tripped through JSON like VS Code's storage does. */
export class FakeMemento {
  readonly data = new Map<string, string>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    const raw = this.data.get(key);
    return raw === undefined ? fallback : (JSON.parse(raw) as T);
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}

function record(name: string, region = 'cn-shanghai'): ProfileRecord {
  return { name, region, maskedKeyId: 'LTAI…0001', hasSecurityToken: false, sessionOnly: false, updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('ui/profiles', () => {
  it('starts empty with no active profile', () => {
    const registry = new ProfileRegistry(new FakeMemento() as never);
    assert.deepEqual(registry.list(), []);
    assert.equal(registry.active(), undefined);
  });

  it('adds profiles sorted by name, activating the latest, and replaces by name', async () => {
    const memento = new FakeMemento();
    const registry = new ProfileRegistry(memento as never);
    await registry.upsertAndActivate(record('work'));
    await registry.upsertAndActivate(record('home'));
    assert.deepEqual(registry.list().map((p) => p.name), ['home', 'work']);
    assert.equal(registry.active()?.name, 'home');
    await registry.upsertAndActivate(record('work', 'cn-beijing'));
    assert.deepEqual(registry.list().map((p) => [p.name, p.region]), [['home', 'cn-shanghai'], ['work', 'cn-beijing']]);
    assert.equal(registry.active()?.name, 'work');
    // A second registry over the same storage sees the same state (another window).
    assert.equal(new ProfileRegistry(memento as never).active()?.name, 'work');
  });

  it('removing the active profile leaves none active; removing another keeps it', async () => {
    const registry = new ProfileRegistry(new FakeMemento() as never);
    await registry.upsertAndActivate(record('a'));
    await registry.upsertAndActivate(record('b'));
    await registry.remove('a');
    assert.equal(registry.active()?.name, 'b');
    await registry.remove('b');
    assert.equal(registry.active(), undefined);
    assert.deepEqual(registry.list(), []);
  });

  it('switches the active profile, or to none, and refuses unknown names', async () => {
    const registry = new ProfileRegistry(new FakeMemento() as never);
    await registry.upsertAndActivate(record('a'));
    await registry.upsertAndActivate(record('b'));
    await registry.setActive('a');
    assert.equal(registry.active()?.name, 'a');
    await registry.setActive(undefined);
    assert.equal(registry.active(), undefined);
    await assert.rejects(registry.setActive('zzz'), /Unknown profile/);
  });

  it('reads hand-edited or foreign state as empty instead of failing', async () => {
    const memento = new FakeMemento();
    const registry = new ProfileRegistry(memento as never);
    for (const junk of [42, 'x', { version: 2, profiles: [] }, { version: 1, profiles: [{ name: '../evil' }] }]) {
      await memento.update(PROFILES_STATE_KEY, junk);
      assert.deepEqual(registry.list(), [], JSON.stringify(junk));
    }
  });

  it('judges profile names', () => {
    assert.equal(profileNameProblem('default'), undefined);
    assert.equal(profileNameProblem('prod-cn.shanghai_2'), undefined);
    assert.equal(profileNameProblem(''), 'empty');
    assert.equal(profileNameProblem('  '), 'empty');
    assert.equal(profileNameProblem('a'.repeat(65)), 'tooLong');
    assert.equal(profileNameProblem('a'.repeat(64)), undefined);
    for (const bad of ['my profile', '-x', '.x', 'a/b', '名字']) assert.equal(profileNameProblem(bad), 'badCharacters', bad);
  });
});
