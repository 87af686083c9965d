import { strict as assert } from 'node:assert';
import { CredentialStore, profileOfSecretKey, secretKeyFor, type StoreOperation } from '../../src/ui/credentialStore';

type Listener = (e: { key: string }) => void;

/** SecretStorage over a Map, with an on/off failure switch per operation. */
class FakeSecrets {
  readonly data = new Map<string, string>();
  failing = new Set<StoreOperation>();
  private listeners: Listener[] = [];
  get(key: string): Promise<string | undefined> {
    return this.failing.has('get') ? Promise.reject(new Error('no keyring')) : Promise.resolve(this.data.get(key));
  }
  store(key: string, value: string): Promise<void> {
    if (this.failing.has('store')) return Promise.reject(new Error('no keyring'));
    this.data.set(key, value);
    this.emit(key);
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    if (this.failing.has('delete')) return Promise.reject(new Error('no keyring'));
    this.data.delete(key);
    this.emit(key);
    return Promise.resolve();
  }
  onDidChange = (listener: Listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  emit(key: string): void {
    for (const l of this.listeners) l({ key });
  }
}

const AK = { accessKeyId: 'LTAI5tEmulatorDemoKey001', accessKeySecret: 'EmulatorDemoSecret0123456789ab' };
const STS = { accessKeyId: 'STS.NTEmulatorStsKey0001', accessKeySecret: 'EmulatorStsSecret0123456789abcd', securityToken: 'CAIStoken' };

function setup() {
  const secrets = new FakeSecrets();
  const fallbacks: StoreOperation[] = [];
  const store = new CredentialStore(secrets as never, { onFallback: (op) => fallbacks.push(op) });
  return { secrets, fallbacks, store };
}

describe('ui/credentialStore', () => {
  it('keeps one SecretStorage entry per profile, holding ID, secret and token together', async () => {
    const { secrets, store } = setup();
    await store.store('work', AK);
    await store.store('sts', STS);
    assert.deepEqual([...secrets.data.keys()].sort(), [secretKeyFor('sts'), secretKeyFor('work')]);
    assert.deepEqual(JSON.parse(secrets.data.get(secretKeyFor('sts'))!), STS);
    assert.deepEqual(await store.get('work'), AK);
    assert.deepEqual(await store.get('sts'), STS);
    assert.equal(await store.get('other'), undefined);
    assert.equal(store.mode, 'secretStorage');
  });

  it('drops an empty token rather than storing it', async () => {
    const { secrets, store } = setup();
    await store.store('p', { ...AK, securityToken: '' });
    assert.deepEqual(JSON.parse(secrets.data.get(secretKeyFor('p'))!), AK);
  });

  it('deletes a profile entry', async () => {
    const { secrets, store } = setup();
    await store.store('p', AK);
    await store.delete('p');
    assert.equal(secrets.data.size, 0);
    assert.equal(await store.get('p'), undefined);
  });

  it('reads a corrupt entry as no credentials', async () => {
    const { secrets, store } = setup();
    for (const junk of ['{', '42', '{"accessKeyId":"x"}', '{"accessKeyId":"","accessKeySecret":"y"}']) {
      secrets.data.set(secretKeyFor('p'), junk);
      assert.equal(await store.get('p'), undefined, junk);
    }
  });

  it('falls back to memory when SecretStorage cannot store, reporting it once', async () => {
    const { secrets, store, fallbacks } = setup();
    secrets.failing.add('store');
    await store.store('a', AK);
    await store.store('b', STS);
    assert.equal(store.mode, 'memory');
    assert.deepEqual(fallbacks, ['store']);
    assert.equal(secrets.data.size, 0, 'nothing reached SecretStorage');
    assert.deepEqual(await store.get('a'), AK);
    assert.deepEqual(await store.get('b'), STS);
    // Once in memory mode, new credentials stay there even if SecretStorage recovers.
    secrets.failing.clear();
    await store.store('c', AK);
    assert.equal(secrets.data.size, 0);
    assert.deepEqual(await store.get('c'), AK);
  });

  it('still reads older SecretStorage entries after falling back, and deletes from both places', async () => {
    const { secrets, store } = setup();
    await store.store('old', AK);
    secrets.failing.add('store');
    await store.store('new', STS);
    assert.deepEqual(await store.get('old'), AK);
    secrets.failing.clear();
    await store.delete('new');
    await store.delete('old');
    assert.equal(await store.get('new'), undefined);
    assert.equal(await store.get('old'), undefined);
  });

  it('treats a failing read as "no credentials" and falls back', async () => {
    const { secrets, store, fallbacks } = setup();
    await store.store('p', AK);
    secrets.failing.add('get');
    assert.equal(await store.get('p'), undefined);
    assert.deepEqual(fallbacks, ['get']);
  });

  it('resumes SecretStorage on request', async () => {
    const { secrets, store } = setup();
    secrets.failing.add('store');
    await store.store('p', AK);
    secrets.failing.clear();
    store.resumeSecretStorage();
    await store.store('q', AK);
    assert.equal(store.mode, 'secretStorage');
    assert.ok(secrets.data.has(secretKeyFor('q')));
  });

  it('reports changes of its own entries only, by profile name', async () => {
    const { secrets, store } = setup();
    const seen: string[] = [];
    const sub = store.onDidChange((p) => seen.push(p));
    secrets.emit(secretKeyFor('work'));
    secrets.emit('someOtherExtension.token');
    secrets.emit(secretKeyFor('home'));
    sub.dispose();
    secrets.emit(secretKeyFor('late'));
    assert.deepEqual(seen, ['work', 'home']);
  });

  it('maps keys to profiles and back', () => {
    assert.equal(profileOfSecretKey(secretKeyFor('a.b-c')), 'a.b-c');
    assert.equal(profileOfSecretKey('vodImages.other'), undefined);
  });
});
