// Redraws the reference images of docs/commands.md (test/render/reference/): page 1 of corpus reply 000 as
// the built CLI renders it to PDF, in the 文件 layout and in the letter layout, at 72 dpi. Needs
// LibreOffice, poppler-utils and the fonts .ci/run installs; run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'reply');
const work = mkdtempSync(join(tmpdir(), 'reply-reference-'));
copyFileSync(join(root, 'test', 'fixtures', 'workspace', 'reply.config.json'), join(work, 'reply.config.json'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

run(bin, ['import', join(root, 'test', 'fixtures', 'corpus', '000_4fb67617f60c5557.txt')]);
for (const [style, name] of [['文件', '000-page1'], ['信函', '000-letter-page1']]) {
  const pdf = join(work, `${name}.pdf`);
  run(bin, ['render', '1', '--format', 'pdf', '--style', style, '--out', pdf]);
  run('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, name)]);
  renameSync(join(work, `${name}.png`), join(root, 'test', 'render', 'reference', `${name}.png`));
  process.stderr.write(`test/render/reference/${name}.png\n`);
}
