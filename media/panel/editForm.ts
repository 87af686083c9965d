/**
 * The details panel's inline edit form, in the page: the toolbar's Edit button shows it, Cancel hides
 * it, Save checks the values with the same rules as the host (src/vod/render/imageEdit.ts) and posts
 * them as typed values. The host's answer (an `editError`, or a reloaded page) comes back through
 * `showError`. Written against the few DOM members it needs, so it is unit-tested in Node.
 */
import { formProblemText, isProblem, parseEditFields } from '../../src/vod/render/imageEdit';
import type { WebviewMessage } from '../../src/vod/render/panelMessages';

interface Listenable {
  addEventListener(type: string, listener: (event: { preventDefault(): void }) => void): void;
}

export interface EditFormView {
  readonly openButton: (Listenable & { setAttribute(name: string, value: string): void; focus(): void }) | null;
  readonly form: (Listenable & { hidden: boolean }) | null;
  readonly cancelButton: Listenable | null;
  readonly title: { value: string; focus(): void };
  readonly description: { value: string };
  readonly tags: { value: string };
  readonly cateId: { value: string };
  readonly error: { textContent: string | null };
  /** The problem templates in the user's language, from the form's data-problems (editFormHtml.ts). */
  readonly problems: Readonly<Record<string, string>>;
}

export interface EditForm {
  showError(text: string): void;
}

export function startEditForm(view: EditFormView, post: (message: WebviewMessage) => void): EditForm | undefined {
  const { form, openButton } = view;
  if (!form || !openButton) return undefined;
  const setOpen = (open: boolean): void => {
    form.hidden = !open;
    openButton.setAttribute('aria-expanded', String(open));
    view.error.textContent = '';
    if (open) view.title.focus();
    else openButton.focus();
  };
  openButton.addEventListener('click', () => setOpen(form.hidden));
  view.cancelButton?.addEventListener('click', () => setOpen(false));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = parseEditFields({ title: view.title.value, description: view.description.value, tags: view.tags.value, cateId: view.cateId.value });
    if (isProblem(values)) {
      view.error.textContent = formProblemText(values, view.problems);
      return;
    }
    view.error.textContent = '';
    post({
      type: 'edit',
      title: values.title ?? '',
      description: values.description ?? '',
      tags: [...(values.tags ?? [])],
      ...(values.cateId === undefined ? {} : { cateId: values.cateId }),
    });
  });
  return { showError: (text) => (view.error.textContent = text) };
}
