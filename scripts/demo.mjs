// The first run of a fresh clone: files the bundled sample reply in this workspace's archive
// (data/replies.db) with the next free doc number and prints it in the published layout; then
// imports the bundled published replies (data/samples/corpus) and searches them.
import { Writable } from 'node:stream';
import { main } from '../dist/bundle/index.js';

let json = '';
const capture = new Writable({
  write(chunk, _encoding, done) {
    json += chunk;
    done();
  },
});
const streams = { stdout: capture, stderr: process.stderr, stdinIsTTY: false, stdoutIsTTY: false };
const filed = await main(['new', '--answers', 'data/samples/reply-152104.json', '--json'], { streams });
if (filed !== 0) process.exit(filed);
const { id, docNumber } = JSON.parse(json);
const say = (text) => process.stderr.write(`\n${text}\n\n`);
say(`已归档：第 ${id} 号  ${docNumber.text}（data/replies.db）。按公开版式输出：`);
let code = await main(['render', String(id), '--format', 'txt']);
say('导入 data/samples/corpus 中已发布的答复：');
code ||= await main(['import', 'data/samples/corpus']);
say('reply search 长三角 协同：');
code ||= await main(['search', '长三角', '协同']);
process.exitCode = code;
