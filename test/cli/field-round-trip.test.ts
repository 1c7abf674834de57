/**
 * Whatever a clerk types into a field is what the archive keeps: any value a field may hold comes
 * back from reply show exactly as typed, and again after the whole archive went through reply
 * export and reply import --format jsonl into another one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterFault } from '../../src/core/characters.js';
import { runCli, tempDir, workspace } from '../helpers/cli.js';
import { type ReplyJson } from './support.js';

/** Text of every script and symbol, as graphemes (emoji with modifiers, combining marks, CJK beyond the BMP). */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(...'长三角一体化《》“”〔〕（）·—…、，。；：？！𠀀𪚥ａ１　 '), minLength: 1, maxLength: 24 }),
  fc.constantFrom('<script>alert(1)</script>', '**粗体**', '# 标题', '| 表格 |', '{{header}}', "'; DROP TABLE replies; --", '\\"', '%s%n'),
);
/** A value a one-line field may hold: no character refused at input, no break, no space at either end. */
const oneLine = anyText.filter((s) => characterFault(s, 'one') === undefined && s.trim() === s && s.length > 0);
/** A proposer's name: one name, so nothing the list of names is split at, and no role at its end. */
const name = oneLine.filter((s) => !/[、，,；;\s]|等|委员$|代表$|(?:委员会|联合会|小组|集体)$/u.test(s));
/** A body: paragraphs of such lines. */
const body = fc.array(oneLine, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n') + '\n');
const day = fc.date({ min: new Date('1949-10-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const record = fc.record({
  session: oneLine,
  proposalTitle: oneLine,
  proposer: name,
  // the workspace's config names the results and disclosures it allows
  result: fc.constantFrom('解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考'),
  disclosure: fc.constantFrom('主动公开·全文', '主动公开·摘要', '依申请公开', '不予公开'),
  cc: fc.uniqueArray(oneLine, { maxLength: 2 }),
  signedOn: day,
  body,
});
type Typed = typeof record extends fc.Arbitrary<infer T> ? T : never;

/** The fields reply show gives back, as the clerk typed them. */
const asTyped = (r: ReplyJson) => ({
  session: r.session,
  proposalTitle: r.proposalTitle,
  proposer: r.proposers.map((p) => p.name).join('、'),
  result: r.result,
  disclosure: r.disclosure,
  cc: r.cc,
  signedOn: r.signedOn,
  body: r.body,
});

function fileTyped(ws: string, typed: Typed, i: number): number {
  const bodyFile = join(ws, `body-${i}.md`);
  writeFileSync(bodyFile, typed.body);
  const run = runCli(ws, [
    'new', '--json', '--kind', '提案答复', '--proposal-no', String(100 + i), '--session', typed.session, '--title', typed.proposalTitle,
    '--proposer', `${typed.proposer}委员`, '--result', typed.result, '--disclosure', typed.disclosure, '--signed-on', typed.signedOn,
    '--body', bodyFile, ...typed.cc.flatMap((unit) => ['--cc', unit]),
  ]);
  if (run.code !== 0) throw new Error(`reply new refused ${JSON.stringify(typed)}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { id: number }).id;
}

const show = (ws: string, id: number) => JSON.parse(runCli(ws, ['show', String(id), '--json']).stdout) as ReplyJson;

describe('any value a field may hold survives new → show → export → import unchanged', () => {
  it('for text of every script, markup and symbol in each field', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (typed) => {
        const ws = workspace();
        const ids = typed.map((t, i) => fileTyped(ws, t, i));
        const shown = ids.map((id) => show(ws, id));
        expect(shown.map(asTyped)).toEqual(typed);
        const dump = join(tempDir(), 'archive.jsonl');
        expect(runCli(ws, ['export', '--out', dump]).code).toBe(0);
        const copy = workspace();
        const restored = runCli(copy, ['--db', 'moved.db', '--create', 'import', '--format', 'jsonl', dump]);
        expect(restored.code, restored.stderr).toBe(0);
        expect(ids.map((id) => JSON.parse(runCli(copy, ['--db', 'moved.db', 'show', String(id), '--json']).stdout))).toEqual(shown);
      }),
      { numRuns: 15 },
    );
  });
});
