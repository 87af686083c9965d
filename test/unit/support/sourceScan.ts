/**
 * Source scans for the localisation rules the type checker cannot see: which strings in the editor
 * layer reach the user without `vscode.l10n`, and which errors are built from raw text. Read with the
 * TypeScript parser, so comments and formatting do not matter; each finding is `file:line: text`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Parsed {
  readonly file: string;
  readonly source: ts.SourceFile;
}

function parse(file: string): Parsed {
  return { file: path.relative(ROOT, file), source: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) };
}

function where(parsed: Parsed, node: ts.Node): string {
  const { line } = parsed.source.getLineAndCharacterOfPosition(node.getStart(parsed.source));
  return `${parsed.file}:${line + 1}`;
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** The literal text of a string or template (substitutions left out), or undefined for other nodes. */
export function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [literalText(node.left), literalText(node.right)].filter((p) => p !== undefined);
    return parts.length === 0 ? undefined : parts.join(' ');
  }
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((p) => p !== undefined);
    return parts.length === 0 ? undefined : parts.join(' | ');
  }
  return undefined;
}

const hasWords = (text: string): boolean => /[A-Za-z]{2,}/.test(text);

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return `${calleeName({ expression: callee.expression } as ts.CallExpression)}.${callee.name.text}`;
  return '';
}

function isL10nCall(node: ts.Node): boolean {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(calleeName(node));
}

/** `new VodError(kind, <text>)` where <text> is a string, a template or `l10n.t(…)`, not a catalog key. */
export function rawVodErrorTexts(dir: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    const parsed = parse(file);
    walk(parsed.source, (node) => {
      if (!ts.isNewExpression(node) || calleeName(node) !== 'VodError') return;
      const text = node.arguments?.[1];
      if (text === undefined) return;
      const literal = literalText(text);
      if (literal !== undefined || isL10nCall(text)) found.push(`${where(parsed, node)}: ${text.getText(parsed.source).slice(0, 100)}`);
    });
  }
  return found;
}

const SHOW_MESSAGE = /(^|\.)show(Information|Warning|Error)Message$/;

/** Arguments of `window.show*Message(…)` (message or button) that are English literals. */
export function literalShowMessageArguments(dir: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    const parsed = parse(file);
    walk(parsed.source, (node) => {
      if (!ts.isCallExpression(node) || !SHOW_MESSAGE.test(calleeName(node))) return;
      for (const argument of node.arguments) {
        const text = literalText(argument);
        if (text !== undefined && hasWords(text)) found.push(`${where(parsed, argument)}: ${JSON.stringify(text)}`);
      }
    });
  }
  return found;
}

/** Calls whose string arguments are not for people to read in the UI: logs, ids, programmer errors. */
const NOT_SHOWN = [
  /(^|\.)(log|logger|channel|console)\.(trace|debug|info|warn|error|appendLine|log)$/,
  /(^|\.)(l10n\.t)$/, // translated (the l10n test checks these)
  /(^|\.)(executeCommand|registerCommand|get|getConfiguration|inspect|update|affectsConfiguration|setContext)$/,
  /(^|\.)(createOutputChannel|createTreeView|registerTreeDataProvider|createWebviewPanel|registerWebviewPanelSerializer)$/,
  /^require$/,
];

/** Fields that hold identifiers, not text: `item.contextValue = 'vodGroup vodCategory'`. */
const IDENTIFIER_FIELDS = new Set(['contextValue', 'id', 'command', 'viewType', 'scheme', 'language', 'pattern']);

/** Names the UI keeps in English on purpose (the Problems panel's source column names the product). */
const PRODUCT_NAMES = new Set(['VOD Images', 'VOD Image Inspector', 'ApsaraVideo VOD']);

/**
 * String literals in the editor layer that read like English prose (two words or more) and reach
 * the user without `l10n.t`. Skipped: arguments of log and API-identifier calls, `throw new Error`
 * (a programming error, reported to the log), imports, property names, identifier fields, string-literal
 * types, comparisons (`=== 'some value'`), HTML markup (its text comes in as values) and product names.
 */
export function untranslatedUiLiterals(dir: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(dir)) {
    const parsed = parse(file);
    walk(parsed.source, (node) => {
      if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node) && !ts.isTemplateExpression(node)) return;
      if (ts.isTemplateExpression(node.parent) || ts.isTemplateSpan(node.parent)) return;
      const text = literalText(node)!;
      if (!/[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}/.test(text)) return;
      if (text.trimStart().startsWith('<') || PRODUCT_NAMES.has(text)) return;
      if (skipped(node)) return;
      found.push(`${where(parsed, node)}: ${JSON.stringify(text.slice(0, 100))}`);
    });
  }
  return found;
}

function skipped(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent !== undefined; current = current.parent) {
    const parent = current.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === current) return true;
    if (ts.isPropertyAssignment(parent) && IDENTIFIER_FIELDS.has(parent.name.getText())) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left) && IDENTIFIER_FIELDS.has(parent.left.name.text)) return true;
    if (ts.isCallExpression(parent) && NOT_SHOWN.some((pattern) => pattern.test(calleeName(parent)))) return true;
    if (ts.isNewExpression(parent) && /^(Error|TypeError|RangeError)$/.test(calleeName(parent))) return true;
    if (ts.isBinaryExpression(parent) && /^(===|!==|==|!=)$/.test(parent.operatorToken.getText())) return true;
    if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}
