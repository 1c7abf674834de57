// The first run of a fresh clone: registers the bundled sample proposal and files its reply in this
// workspace's archive (data/replies.db) with the next free doc number, prints the reply in the
// published layout and what is due; then imports the bundled published replies (data/samples/corpus),
// searches them and shows the year's handling statistics.
import { Writable } from 'node:stream';
import { main } from '../dist/bundle/index.js';

/** Runs a command and returns its exit code and what it printed on stdout. */
async function captured(args) {
  let out = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out += chunk;
      done();
    },
  });
  const code = await main(args, { streams: { stdout, stderr: process.stderr, stdinIsTTY: false, stdoutIsTTY: false } });
  return { code, out };
}

const say = (text) => process.stderr.write(`\n${text}\n\n`);

// The proposal is registered once; a second run of the demo finds it there.
const proposals = JSON.parse((await captured(['proposal', 'list', '--json'])).out || '[]');
if (!proposals.some((p) => p.session === '区政协十五届二次会议' && p.number === '152104')) {
  say('登记交办的提案（data/samples/proposal-152104.json）：');
  const code = await main(['proposal', 'add', '--answers', 'data/samples/proposal-152104.json']);
  if (code !== 0) process.exit(code);
}

// So is its draft: a second draft of one proposal is refused, and the demo takes up the one it filed.
const drafts = JSON.parse((await captured(['list', '--status', 'draft', '--json'])).out || '[]');
let reply = drafts.find((r) => r.session === '区政协十五届二次会议' && r.proposalNo === '152104');
if (!reply) {
  const filed = await captured(['new', '--proposal', '152104', '--answers', 'data/samples/reply-152104.json', '--json']);
  if (filed.code !== 0) process.exit(filed.code);
  reply = JSON.parse(filed.out);
}
const { id, docNumber } = reply;
// A draft gets its doc number when it is signed (reply status ID signed); an office that numbers drafts has one now.
const numbered = docNumber ? `  ${docNumber.text}` : '（草稿，签发时给文号）';
say(`已归档：第 ${id} 号${numbered}（data/replies.db）。按公开版式输出：`);
let code = await main(['render', String(id), '--format', 'txt']);
say('reply due --as-of 2023-05-18（答复还是草稿：提案尚未答复）：');
code ||= await main(['due', '--as-of', '2023-05-18']);
say('导入 data/samples/corpus 中已发布的答复（其中有这件提案已发送的答复）：');
code ||= await main(['import', 'data/samples/corpus']);
say('reply search 长三角 协同：');
code ||= await main(['search', '长三角', '协同']);
say('reply stats --year 2023：');
code ||= await main(['stats', '--year', '2023']);
process.exitCode = code;
