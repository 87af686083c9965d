import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { MESSAGES } from '../../src/vod/messageCatalog';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

interface Found {
  readonly messages: Map<string, string>; // message -> first file
  readonly dynamic: string[]; // file:line of calls whose message is not a literal
}

/** Every `l10n.t(<message>, …)` in the extension's sources, read with the TypeScript parser. */
export function extractL10nMessages(dir = path.join(ROOT, 'src')): Found {
  const messages = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('l10n.t(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't') {
        const owner = node.expression.expression;
        if (ts.isPropertyAccessExpression(owner) ? owner.name.text === 'l10n' : ts.isIdentifier(owner) && owner.text === 'l10n') {
          const first = node.arguments[0];
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
            if (!messages.has(first.text)) messages.set(first.text, path.relative(ROOT, file));
          } else {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            dynamic.push(`${path.relative(ROOT, file)}:${line + 1}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, dynamic };
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function readJson(file: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

describe('localisation (English + Simplified Chinese)', () => {
  const found = extractL10nMessages();
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');

  it('finds the messages (the extractor works)', () => {
    assert.ok(found.messages.size > 50, `only ${found.messages.size} messages found`);
    assert.ok(found.messages.has('Sign in'));
  });

  it('passes only literal messages to l10n.t, so every one can be translated', () => {
    // The one exception renders the core catalog (src/vod/messages.ts), whose templates are checked below.
    assert.deepEqual(found.dynamic.map((at) => at.replace(/:\d+$/, '')), ['src/ui/localize.ts']);
  });

  it('has a Chinese translation for every message, with the same placeholders', () => {
    const missing = [...found.messages.keys()].filter((m) => typeof zh[m] !== 'string' || zh[m]!.trim() === '');
    assert.deepEqual(missing, [], `untranslated: ${missing.map((m) => `${JSON.stringify(m)} (${found.messages.get(m)})`).join('\n')}`);
    for (const [message, translated] of Object.entries(zh)) {
      if (!found.messages.has(message)) continue;
      assert.deepEqual(placeholders(translated), placeholders(message), `placeholders differ for ${JSON.stringify(message)}`);
    }
  });

  it('keeps no translation for a message the code no longer uses', () => {
    const catalog = new Set<string>(Object.values(MESSAGES));
    const stale = Object.keys(zh).filter((m) => !found.messages.has(m) && !catalog.has(m));
    assert.deepEqual(stale, []);
  });

  it('translates every %key% of package.json in both package.nls files', () => {
    const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    const en = readJson('package.nls.json');
    const zhNls = readJson('package.nls.zh-cn.json');
    assert.ok(keys.has('category') && keys.has('command.signIn'));
    assert.deepEqual([...keys].filter((k) => !en[k]), [], 'missing in package.nls.json');
    assert.deepEqual([...keys].filter((k) => !zhNls[k]), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zhNls).sort(), Object.keys(en).sort(), 'the two nls files have the same keys');
    assert.deepEqual(Object.keys(en).filter((k) => !keys.has(k)), [], 'nls keys package.json does not use');
  });

  it('localises every contributed command title and the category', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string; title: string; category: string }[] };
    };
    for (const c of manifest.contributes.commands) {
      assert.match(c.title, /^%[^%]+%$/, c.command);
      assert.equal(c.category, '%category%', c.command);
    }
  });
});
