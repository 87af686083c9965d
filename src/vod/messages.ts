/**
 * Messages by catalog key (`messageCatalog.ts` holds the English sentences): `msg(key, values)` names
 * one, type-checked against its placeholders; `renderMessage` fills it in English or, given the
 * editor's `vscode.l10n.t`, in the user's language (`src/ui/localize.ts`).
 *
 * The catalog is read on the first rendering, not when this module loads: every bundle (the activation
 * shell, the features, the credential sources, the CLI) requires the one dist/message-catalog.js beside
 * it (scripts/build.mjs), so its ~20 KB are shipped and parsed once, and only when a sentence is shown.
 */
import type { MESSAGES } from './messageCatalog';

/** The catalog, required on first use (see above). */
export function catalog(): typeof MESSAGES {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see the file comment
  loaded ??= (require('./messageCatalog') as { MESSAGES: typeof MESSAGES }).MESSAGES;
  return loaded;
}
let loaded: typeof MESSAGES | undefined;

export type Messages = typeof MESSAGES;
export type MessageKey = keyof Messages;

/** Placeholder names in a template: `{name}` with a letter first (so `{1,64}` and `{n,}` are text). */
type Names<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${Letter}${string}` ? (Name extends `${string}${',' | ' ' | '?' | ':'}${string}` ? never : Name) : never) | Names<Rest>
  : never;
type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';

/** A value for a placeholder: text shown as it is, a number, another message, or a list of them. */
export type MessageParam = string | number | Message | readonly MessageParam[];

/** The values a key needs: exactly its placeholders, each required. */
export type ParamsOf<K extends MessageKey> = { readonly [N in Names<Messages[K]>]: MessageParam };

/** A sentence by key, with its values; render it with {@link renderMessage}. */
export interface Message {
  readonly key: MessageKey;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/** Keys whose sentence has no placeholders (a rule table can hold them). */
export type NoParamKey = { [K in MessageKey]: [Names<Messages[K]>] extends [never] ? K : never }[MessageKey];

type ParamsArg<K extends MessageKey> = [Names<Messages[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** A message by key; the compiler checks the key and that every placeholder gets a value. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return { key, params: params[0] ?? {} };
}

/**
 * Looks up a template and fills it, as `vscode.l10n.t(template, values)` does: the editor passes
 * that; the default fills the English template.
 */
export type Translate = (template: string, values: Readonly<Record<string, string>>) => string;

const PLACEHOLDER = /\{([^}]+)\}/g;

/** Fills `{name}` from `values`, leaving any other braces as they are (VS Code's `format2` rule). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (all, name: string) => (Object.hasOwn(values, name) ? values[name]! : all));
}

/** The text of a message (nested messages first), in English unless `translate` says otherwise. */
export function renderMessage(message: Message, translate: Translate = fillTemplate): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params)) values[name] = renderParam(value, translate);
  return translate(catalog()[message.key], values);
}

function renderParam(value: MessageParam, translate: Translate): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isMessageList(value)) return value.map((v) => renderParam(v, translate)).join('; ');
  return renderMessage(value, translate);
}

function isMessageList(value: MessageParam): value is readonly MessageParam[] {
  return Array.isArray(value);
}
