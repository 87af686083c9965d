/** `vodimg` entry point (bundled to dist/cli.js): wires the process to `run`. */
import { version } from '../../package.json';
import { nodeCredentialFs } from '../vod/credentials';
import { run } from './run';

const interrupt = new AbortController();
// First Ctrl-C cancels the request in flight (exit 130); a second one kills as usual.
process.once('SIGINT', () => interrupt.abort());

run(process.argv.slice(2), {
  env: process.env,
  credentialFs: nodeCredentialFs(),
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
  signal: interrupt.signal,
  version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('vodimg: unexpected internal error\n');
    process.exitCode = 1;
  },
);
