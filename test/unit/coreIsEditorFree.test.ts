// The core must run in plain Node (CLI, unit tests, benchmarks): no file under src/vod may import `vscode`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('core layering', () => {
  const coreDir = path.join(__dirname, '..', '..', 'src', 'vod');
  const importsVscode = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

  it('finds the core sources it checks', () => {
    assert.ok(sourceFiles(coreDir).length >= 10);
  });

  it('has no vscode import anywhere under src/vod', () => {
    const offenders = sourceFiles(coreDir).filter((file) => importsVscode.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('recognises the import forms it forbids', () => {
    for (const line of ["import * as vscode from 'vscode';", 'const v = require("vscode");', "await import('vscode')"]) {
      assert.ok(importsVscode.test(line), line);
    }
  });
});
