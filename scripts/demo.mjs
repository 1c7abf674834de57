// Files the bundled sample reply in this workspace's archive (data/replies.db)
// with the next free doc number, then prints it in the published layout.
import { Writable } from 'node:stream';
import { main } from '../dist/cli/index.js';

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
process.stderr.write(`已归档：第 ${id} 号  ${docNumber.text}（data/replies.db）\n\n`);
process.exitCode = await main(['render', String(id), '--format', 'txt']);
