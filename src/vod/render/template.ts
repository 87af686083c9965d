/**
 * Fills `{0}`, `{1}`… in a localised label (the convention `vscode.l10n.t` uses) while escaping the
 * label's literal parts and the values separately. Escaping after substitution would be just as
 * safe, but escaping each part on its own keeps a translator's Markdown-looking punctuation and an
 * API value from ever combining into syntax.
 */
export function fillTemplate(template: string, values: readonly string[], escape: (text: string) => string): string {
  const out: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\d+)\}/g)) {
    out.push(escape(template.slice(last, match.index)));
    const value = values[Number(match[1])];
    // An unknown placeholder is a translation bug: show it as written, not as an empty hole.
    out.push(escape(value ?? match[0]));
    last = match.index + match[0].length;
  }
  out.push(escape(template.slice(last)));
  return out.join('');
}
