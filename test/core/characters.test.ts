import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { characterFault, withoutForbidden } from '../../src/core/characters.js';
import { applyEdits, buildNewReply } from '../../src/core/fields.js';
import { corpusInput, issuesOf, workspaceConfig } from './support.js';
import { isoDay } from '../../src/core/dates.js';

const config = workspaceConfig('workspace');
const TODAY = isoDay(2023, 5, 20);

describe('characters no reply may hold', () => {
  it.each([
    ['ESC, which clears a terminal', '区政协\u001b[2J'],
    ['NUL', '标题\u0000'],
    ['DEL', '标题\u007f'],
    ['a C1 control', '标题\u0085'],
    ['U+FFFE, which XML forbids (Word would not open the file)', '标题\uFFFE'],
    ['U+FFFF', '标题\uFFFF'],
    ['a lone surrogate', '标题\uD800'],
    ['the right-to-left override', '标题\u202E题标'],
    ['a direction isolate', '\u2066标题'],
    ['the line separator', '标题\u2028'],
  ])('finds %s', (_name, text) => {
    expect(characterFault(text, 'many')?.kind).toBe('forbidden');
    expect(withoutForbidden(text)).not.toMatch(/[\u0000-\u0008\u001b\u007f\u0085\uFFFE\uFFFF\u202E\u2066\u2028]|[\uD800-\uDFFF]/u);
  });

  it('takes a line break or a tab as a fault only where the field has one line', () => {
    expect(characterFault('第一段\n\n第二段\t', 'many')).toBeUndefined();
    expect(characterFault('区政协十五届\n二次会议', 'one')).toEqual({ kind: 'lineBreak', code: 'U+000A' });
    expect(characterFault('区政协\t', 'one')).toEqual({ kind: 'lineBreak', code: 'U+0009' });
  });

  it('leaves every Chinese text, emoji and all, as it is', () => {
    expect(characterFault('关于“一网通办”的提案 🙂 〔2023〕16号', 'one')).toBeUndefined();
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => withoutForbidden(withoutForbidden(text)) === withoutForbidden(text)));
  });
});

describe('a reply is refused, naming the field, when one of its fields holds one', () => {
  it('on filing: a session with a line break (it would forge a title in the text layout) and a body with U+FFFE', () => {
    const input = { ...corpusInput('000'), session: '区政协十五届二次会议\n对某某的答复', body: '您提出的提案收悉。\uFFFE\n' };
    const issues = issuesOf(() => buildNewReply(input, config, TODAY));
    expect(issues.map((i) => [i.field, i.key, i.params?.code])).toEqual([
      ['session', 'field.lineBreak', 'U+000A'],
      ['body', 'field.forbiddenCharacter', 'U+FFFE'],
    ]);
  });

  it('on editing: a title with an escape sequence, a proposer with a direction override, a 抄送 with NUL', () => {
    const reply = buildNewReply(corpusInput('000'), config, TODAY);
    const issues = issuesOf(() => applyEdits(reply, [
      { field: 'title', value: '标题\u001b[2J' },
      { field: 'proposer', value: '朱莺\u202E委员' },
      { field: 'cc', value: '区政协提案委\u0000' },
    ], config));
    expect(issues.map((i) => [i.field, i.key])).toEqual([
      ['title', 'field.forbiddenCharacter'],
      ['proposer', 'field.forbiddenCharacter'],
      ['cc', 'field.forbiddenCharacter'],
    ]);
  });
});
