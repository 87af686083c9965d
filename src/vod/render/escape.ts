/**
 * Escaping for the three places API text ends up: HTML text, HTML attribute values and hover
 * Markdown. Everything an API returns (titles, descriptions, tags, even IDs) is attacker-controlled
 * as far as the renderers are concerned: whoever can upload an image can choose its title.
 */

/**
 * Characters that reorder or hide text without being visible themselves: the bidi embedding,
 * override and isolate controls (the "Trojan Source" set), the directional marks, and the C0/C1
 * control characters other than tab, newline and carriage return (those are whitespace and handled
 * by each escaper). Zero-width joiners are left alone: emoji sequences and several scripts need them.
 */
const HIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Replaces each hidden control with a visible `[U+202E]` marker.
 *
 * Decision: show, don't strip. A title that carries a right-to-left override is suspicious, and the
 * person inspecting the image should see that it does; silently removing it would hide the attempt
 * and could also change what the text appears to say.
 */
export function revealControls(text: string): string {
  return text.replace(HIDDEN_CONTROLS, (ch) => `[U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIAL = /[&<>"']/g;

/** HTML text content: entity-escaped, with hidden controls revealed (see `revealControls`). */
export function escapeHtml(text: string): string {
  return revealControls(text).replace(HTML_SPECIAL, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * A double-quoted HTML attribute value. Unlike `escapeHtml` the value is otherwise kept byte for
 * byte, because attributes carry URLs and identifiers that must round-trip.
 */
export function escapeAttr(value: string): string {
  return value.replace(HTML_SPECIAL, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/** Every ASCII punctuation character: CommonMark lets each be backslash-escaped to a literal. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Makes text inert inside Markdown, for both markdown-it and marked (VS Code's hover renderer),
 * with HTML and linkify switched on:
 * - hidden controls are revealed (see `revealControls`);
 * - all whitespace, newlines included, collapses to single spaces, so text can never start a new
 *   block (heading, list, quote, table, code fence, setext underline) or force a hard break (not
 *   trimmed: callers join escaped parts, and one leading space cannot start a block either);
 * - every ASCII punctuation character is backslash-escaped. That covers the Markdown syntax
 *   (`` \ ` * _ { } [ ] ( ) # + - . ! | < > ~ ``), `&` (entities), `$` (VS Code theme icons) and
 *   also `:`, `.`, `/` and `@`, which is what defeats linkify: with every `:` and `.` escaped no
 *   parser sees a scheme, a `www.` prefix, a dotted host name or an e-mail address, so bare
 *   `https://evil.example` stays text. Escaping punctuation that needs no escaping is harmless.
 */
export function escapeMarkdown(text: string): string {
  return revealControls(text).replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, '\\$&');
}
