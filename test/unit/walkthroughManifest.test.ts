import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

describe('getting-started walkthrough (package.json)', () => {
  const manifest = read('package.json') as { contributes: { walkthroughs: { title: string; description: string; steps: Step[] }[]; commands: { command: string }[]; views: Record<string, { id: string }[]> } };
  const walkthrough = manifest.contributes.walkthroughs[0]!;
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
  const sources = ['src/ui/serviceHost.ts', 'src/ui/walkthroughEvents.ts'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')).join('\n');

  it('has the four steps, each completing on an event the extension can raise', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['signIn', 'hover', 'explorer', 'signedUrl']);
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${name} is not a contributed command`);
        else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${name} is not a contributed view`);
        else if (kind === 'onContext') assert.ok(sources.includes(`'${name}'`), `${step.id}: nothing sets the context key ${name}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('has its texts in English and Simplified Chinese, and its pages in both', () => {
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    const keys = [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s) => [s.title, s.description])].map((k) => k.replace(/^%|%$/g, ''));
    for (const key of keys) {
      assert.equal(typeof en[key], 'string', `package.nls.json lacks ${key}`);
      assert.equal(typeof zh[key], 'string', `package.nls.zh-cn.json lacks ${key}`);
    }
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok(existsSync(path.join(ROOT, step.media.markdown.replace(/\.md$/, '.nls.zh-cn.md'))), `${step.media.markdown}: no zh-cn page`);
    }
  });
});
