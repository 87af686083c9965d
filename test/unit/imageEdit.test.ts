import { strict as assert } from 'node:assert';
import { startEditForm, type EditFormView } from '../../media/panel/editForm';
import { renderMessage, type Message } from '../../src/vod/messages';
import { changedValues, editProblem, parseEditFields, tagsForForm } from '../../src/vod/render/imageEdit';
import { DEFAULT_PANEL_LABELS } from '../../src/vod/render/panelLabels';
import { parseWebviewMessage } from '../../src/vod/render/panelMessages';

const problem = (parsed: ReturnType<typeof parseEditFields>): string => renderMessage(parsed as Message);
const fields = (over: Partial<Parameters<typeof parseEditFields>[0]> = {}) => ({ title: 'Cat', description: '', tags: '', cateId: '', ...over });

describe('render/imageEdit (the edit form rules, both ends)', () => {
  it('reads the form: trimmed title, tags split on commas, an empty category kept', () => {
    assert.deepEqual(parseEditFields(fields({ title: '  猫 Cat ', description: 'line 1\nline 2', tags: ' a, b ,,c ', cateId: ' 1000008 ' })), {
      title: '猫 Cat',
      description: 'line 1\nline 2',
      tags: ['a', 'b', 'c'],
      cateId: 1000008,
    });
    assert.equal((parseEditFields(fields()) as { cateId?: number }).cateId, undefined);
  });

  it('names the first problem with the documented limits (bytes, emoji, tag count, category)', () => {
    assert.match(problem(parseEditFields(fields({ title: '  ' }))), /title is empty/);
    assert.match(problem(parseEditFields(fields({ title: '图'.repeat(43) }))), /128 bytes/, '43 × 3 bytes = 129');
    assert.equal(typeof parseEditFields(fields({ title: '图'.repeat(42) })), 'object', '42 × 3 bytes = 126 fits');
    assert.match(problem(parseEditFields(fields({ description: 'ok 😀' }))), /emoji/);
    assert.match(problem(parseEditFields(fields({ tags: Array.from({ length: 17 }, (_, i) => `t${i}`).join(',') }))), /more than 16 tags/);
    assert.match(problem(parseEditFields(fields({ tags: 'x'.repeat(33) }))), /32 bytes/);
    assert.match(problem(parseEditFields(fields({ cateId: '12a' }))), /category ID/);
    assert.match(problem(parseEditFields(fields({ cateId: '-1' }))), /category ID/);
    assert.equal(editProblem({ tags: [] }), undefined, 'no tags is checked by changedValues, not here');
  });

  it('sends only what changed', () => {
    const current = { Title: 'Cat', Description: 'old', Tags: 'a,b', CateId: 7 };
    assert.deepEqual(changedValues(current, { title: 'Cat', description: 'old', tags: ['a', 'b'], cateId: 7 }), {});
    assert.deepEqual(changedValues(current, { title: 'Dog', description: 'old', tags: ['b', 'a'], cateId: undefined }), { title: 'Dog', tags: ['b', 'a'] });
    assert.deepEqual(changedValues({}, { title: 'T', description: '', tags: [], cateId: 3 }), { title: 'T', cateId: 3 });
    assert.deepEqual(changedValues(current, { tags: [] }), { tags: [] }, 'clearing tags is passed on (the client refuses it in words)');
    assert.equal(tagsForForm('a,b, c'), 'a, b, c');
  });
});

type Listener = (event: { preventDefault(): void }) => void;
function fakeView(values: { title: string; description?: string; tags?: string; cateId?: string }, problems = DEFAULT_PANEL_LABELS.formProblems) {
  const listeners = new Map<string, Listener>();
  const on = (name: string) => ({ addEventListener: (type: string, l: Listener) => void listeners.set(`${name}:${type}`, l) });
  const attrs = new Map<string, string>();
  const focused: string[] = [];
  const view: EditFormView = {
    openButton: { ...on('open'), setAttribute: (n, v) => void attrs.set(n, v), focus: () => void focused.push('open') },
    form: { ...on('form'), hidden: true },
    cancelButton: on('cancel'),
    title: { value: values.title, focus: () => void focused.push('title') },
    description: { value: values.description ?? '' },
    tags: { value: values.tags ?? '' },
    cateId: { value: values.cateId ?? '' },
    error: { textContent: '' },
    problems,
  };
  let prevented = 0;
  const fire = (name: string) => listeners.get(name)!({ preventDefault: () => void prevented++ });
  return { view, attrs, focused, fire, prevented: () => prevented };
}

describe('media/panel editForm (the page side)', () => {
  it('Edit opens the form and focuses the title; Cancel closes it and returns focus', () => {
    const f = fakeView({ title: 'Cat' });
    startEditForm(f.view, () => assert.fail('nothing is posted'));
    f.fire('open:click');
    assert.equal(f.view.form!.hidden, false);
    assert.equal(f.attrs.get('aria-expanded'), 'true');
    f.fire('cancel:click');
    assert.equal(f.view.form!.hidden, true);
    assert.deepEqual(f.focused, ['title', 'open']);
  });

  it('Save posts typed values that the host accepts, and never reloads the page', () => {
    const posted: unknown[] = [];
    const f = fakeView({ title: ' New <b>title</b> ', description: '"quoted"', tags: 'x, y', cateId: '42' });
    startEditForm(f.view, (m) => posted.push(m));
    f.fire('form:submit');
    assert.equal(f.prevented(), 1);
    assert.deepEqual(posted, [{ type: 'edit', title: 'New <b>title</b>', description: '"quoted"', tags: ['x', 'y'], cateId: 42 }]);
    assert.deepEqual(parseWebviewMessage(posted[0]), posted[0]);
  });

  it('a value over the limits is shown in the form and not posted; the host error is shown too', () => {
    const f = fakeView({ title: 'x'.repeat(129) });
    const form = startEditForm(f.view, () => assert.fail('not posted'))!;
    f.fire('form:submit');
    assert.match(f.view.error.textContent ?? '', /128 bytes/);
    form.showError('Forbidden');
    assert.equal(f.view.error.textContent, 'Forbidden');
  });

  it('shows a problem in the language of the templates the host gave the form (the page has no catalog)', () => {
    const zh = { 'meta.titleTooLong': '标题超过 {max} 字节。', 'edit.badCategory': '分类 ID 必须是数字。' };
    const f = fakeView({ title: '图'.repeat(43) }, zh);
    startEditForm(f.view, () => assert.fail('not posted'));
    f.fire('form:submit');
    assert.equal(f.view.error.textContent, '标题超过 128 字节。');
    const g = fakeView({ title: 'Cat', cateId: 'x' }, zh);
    startEditForm(g.view, () => assert.fail('not posted'));
    g.fire('form:submit');
    assert.equal(g.view.error.textContent, '分类 ID 必须是数字。');
  });

  it('the host refuses forged edit messages', () => {
    assert.equal(parseWebviewMessage({ type: 'edit', title: 'x'.repeat(2000), description: '', tags: [] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'edit', title: 't', description: '', tags: [1] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'edit', title: 't', description: '', tags: [], cateId: -1 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'edit', title: 't', description: '', tags: [], cateId: 1.5 }), undefined);
  });
});
