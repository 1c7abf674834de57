import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSubject, fileSubject, fixReply, renderedSubject, RULES, type CheckContext, type Finding } from '../../src/core/checks/index.js';
import { readDateText } from '../../src/core/checks/date-text.js';
import { fixBody, fixSalutation, fixText } from '../../src/core/checks/fix.js';
import { locate } from '../../src/core/checks/located.js';
import { halfWidthMarks } from '../../src/core/checks/text-runs.js';
import { isoDay } from '../../src/core/dates.js';
import { unifiedDiff } from '../../src/core/diff.js';
import { parseBody } from '../../src/core/body.js';
import { CORPUS, workspaceConfig } from './support.js';

const TODAY = isoDay(2026, 1, 1);
const OFFICE: CheckContext = { config: workspaceConfig('workspace'), today: TODAY };
const NO_CONFIG: CheckContext = { today: TODAY };

type Parts = 'meta' | 'header' | 'number' | 'title' | 'salutation' | 'body' | 'signature' | 'date' | 'contact' | 'issued';

/**
 * A small, clean published reply, one part per line with a blank line between
 * (as the exports are); a test replaces the parts it is about. Lines:
 * 1 办理结果, 3 公开属性, 5 header, 7 doc number, 9 title, 11 salutation, 13… body.
 */
function sample(parts: Partial<Record<Parts, string>> = {}): string {
  return [
    parts.meta ?? '办理结果：采纳解决\n\n公开属性：主动公开·全文',
    parts.header ?? '上海市普陀区发展和改革委员会文件',
    parts.number ?? '普发改委〔2024〕3号',
    parts.title ?? '对区政协十五届三次会议 第160001号提案的答复',
    parts.salutation ?? '朱莺委员：',
    parts.body ??
      '您提出的《测试提案》的提案收悉，经研究，现将办理情况答复如下：\n\n一、办理情况\n\n（一）已经办理\n\n已经办理，成效明显。\n\n（二）正在办理\n\n正在办理。\n\n二、下一步\n\n继续推进。\n\n非常感谢您的提案，希望您继续给我们提出意见和建议。谢谢！',
    parts.signature ?? '上海市普陀区发展和改革委员会',
    parts.date ?? '2024年5月6日',
    parts.contact ?? '联系人姓名：宋佩颖\n\n联系电话：52564588-2321\n\n通讯地址：大渡河路1668号\n\n邮政编码：200333',
    parts.issued ?? '上海市普陀区发展和改革委员会\n\n2024年5月6日印发',
  ].join('\n\n');
}

/** The findings of a published text, as (code, line) pairs. */
function check(text: string, context: CheckContext = OFFICE): Finding[] {
  const subject = fileSubject(text);
  if (!subject.ok) throw new Error(`not a reply: ${subject.reason}`);
  return checkSubject(subject.subject, context);
}

function codes(text: string, context: CheckContext = OFFICE): [string, number][] {
  return check(text, context).map((f) => [f.code, f.line]);
}

/** The line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('a clean reply', () => {
  it('has no findings, with or without a config', () => {
    expect(codes(sample())).toEqual([]);
    expect(codes(sample(), NO_CONFIG)).toEqual([]);
  });

  it('every finding carries its rule severity and a catalogue key', () => {
    const findings = check(sample({ number: '普发改委[2024]3号', salutation: '朱莺委员:' }));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.severity).toBe(RULES[f.code].severity);
      expect(f.key.startsWith(`check.${f.code}`)).toBe(true);
    }
  });
});

describe('locating the parts of a published text', () => {
  it('finds each part of corpus 002 on its own line, the printing organ and the spaced dates included', () => {
    const text = readFileSync(join(CORPUS, '002_a164b7bb32c782c3.txt'), 'utf8');
    const l = locate(text).layout;
    expect([l.result?.line, l.disclosure?.line, l.header?.line, l.docNumber?.line, l.title?.line, l.salutation?.line]).toEqual([3, 5, 7, 9, 11, 13]);
    expect([l.signature?.line, l.signedOn?.line, l.signedOn?.text]).toEqual([51, 53, '2025 年 3 月 6 日']);
    expect(l.contact.postcode).toMatchObject({ line: 59, value: '200333' });
    expect(l.cc?.line).toBe(61);
    expect(l.printingOrgan).toMatchObject({ line: 63, text: '上海市普陀区人民政府办公室' });
    expect(l.issued).toMatchObject({ line: 65, date: '2025 年 3 月 6 日' });
    expect(l.body[0]!.line).toBe(15);
    expect(l.body[l.body.length - 1]!.line).toBe(49);
  });

  it('refuses a text that is not a reply (the news article 003), with the importer\'s reason', () => {
    const news = readFileSync(join(CORPUS, '003_5561e4fdd77a1f2f.txt'), 'utf8');
    expect(fileSubject(news)).toEqual({ ok: false, reason: 'import.notReply' });
  });

  it('checks a reply whose parts are missing, and reports each missing part instead of refusing it', () => {
    const subject = fileSubject('对区政协十五届二次会议 第1号提案的答复\n\n这不是主送，而是一句话。');
    if (!subject.ok) throw new Error(subject.reason);
    const found = checkSubject(subject.subject, NO_CONFIG).map((f) => f.code);
    expect(found).toEqual(expect.arrayContaining(['doc-number/missing', 'salutation/missing', 'signature/missing', 'date/missing']));
  });

  it('still reads the record when the parts a rule reports are malformed', () => {
    const subject = fileSubject(sample({ number: '普发改委【23】第016号', salutation: '朱莺委员', date: '二〇二四年五月六日' }));
    if (!subject.ok) throw new Error(subject.reason);
    expect(subject.subject.reply.proposers).toEqual([{ name: '朱莺', role: '委员' }]);
    expect(subject.subject.reply.signedOn).toBe('2024-05-06');
  });
});

describe('doc number', () => {
  const at = 7;
  it.each([
    ['普发改委[2024]3号', [['doc-number/brackets', at]]],
    ['普发改委【2024】3号', [['doc-number/brackets', at]]],
    ['普发改委(2024)3号', [['doc-number/brackets', at]]],
    ['普发改委2024 3号', [['doc-number/brackets', at], ['doc-number/spaces', at]]],
    ['普发改委〔24〕3号', [['doc-number/year', at]]],
    ['普发改委〔2024〕03号', [['doc-number/serial', at]]],
    ['普发改委〔2024〕第3号', [['doc-number/serial', at]]],
    ['普发改委 〔2024〕3号', [['doc-number/spaces', at]]],
    ['〔2024〕3号', [['doc-number/prefix', at]]],
    ['普府〔2024〕3号', [['doc-number/prefix', at]]],
  ])('%s', (number, expected) => {
    expect(codes(sample({ number }))).toEqual(expected);
  });

  it('the configured prefix is checked only where a workspace config exists', () => {
    expect(codes(sample({ number: '普府〔2024〕3号' }), NO_CONFIG)).toEqual([]);
  });

  it('a reply without a doc number is still checked, the finding at its title', () => {
    expect(codes(sample({ number: '' }))).toEqual([['doc-number/missing', 9]]);
  });

  it('a doc number cited in the text takes 〔〕 too (a warning, repaired by --fix)', () => {
    const text = sample({ body: '您提出的《测试提案》的提案收悉，现将办理情况答复如下：\n\n根据普府[2023]05号文件办理。\n\n非常感谢您的提案。' });
    const findings = check(text);
    expect(findings.map((f) => [f.code, f.line, f.severity])).toEqual([['doc-number/cited', 15, 'warning']]);
    expect(findings[0]!.params).toEqual({ value: '普府[2023]05号', official: '普府〔2023〕5号' });
  });
});

describe('title', () => {
  it('the three shapes pass', () => {
    expect(codes(sample({ title: '对区政协十五届三次会议 第160001号提案的答复' }))).toEqual([]);
    const cohandling = sample({
      title: '对市政协十四届三次会议 第0690号提案的会办意见',
      salutation: '市发展改革委：',
      body: '顾薇玲等委员提出的关于测试的提案收悉，经研究，现将会办意见函告如下：\n\n一、意见\n\n同意。\n\n以上意见供你单位统一答复提案者时参考。',
    });
    expect(codes(cohandling)).toEqual([]);
    const suggestion = sample({
      title: '对区人大十七届三次会议 第12号建议的答复',
      salutation: '李明代表：',
      body: '您提出的关于测试的建议收悉，现将办理情况答复如下：\n\n一、办理\n\n已办理。\n\n非常感谢您的建议，希望继续提出宝贵意见。',
    });
    expect(codes(suggestion)).toEqual([]);
  });

  it('another shape is reported (and the reply still checked)', () => {
    expect(codes(sample({ title: '关于区政协十五届三次会议第160001号提案答复' }))).toEqual([['title/shape', 9]]);
  });

  it('a 建议 to a 政协 session, or a 提案 to a 人大 session, names the wrong thing', () => {
    const text = sample({
      title: '对区政协十五届三次会议 第12号建议的答复',
      salutation: '李明代表：',
      body: '您提出的关于测试的建议收悉。\n\n非常感谢您的建议。',
    });
    expect(codes(text)).toEqual([['title/session', 9]]);
    expect(codes(sample({ title: '对区人大十七届三次会议 第12号提案的答复' }))).toEqual([['title/session', 9]]);
  });
});

describe('salutation', () => {
  it('ends with a full-width colon', () => {
    expect(codes(sample({ salutation: '朱莺委员:' }))).toEqual([['salutation/colon', 11]]);
    const missing = check(sample({ salutation: '朱莺委员' }));
    expect(missing.map((f) => [f.code, f.key])).toEqual([['salutation/colon', 'check.salutation/colon.missing']]);
  });

  it('names a member for a 提案, never a deputy', () => {
    expect(codes(sample({ salutation: '李明代表：' }))).toEqual([['salutation/addressee', 11]]);
  });

  it('of a 会办意见 is the lead unit, not the member', () => {
    const text = sample({
      title: '对市政协十四届三次会议 第0690号提案的会办意见',
      salutation: '顾薇玲委员：',
      body: '顾薇玲等委员提出的关于测试的提案收悉，经研究，现将会办意见函告如下：\n\n以上意见供你单位统一答复提案者时参考。',
    });
    expect(check(text).map((f) => f.key)).toEqual(['check.salutation/addressee.cohandlingMember']);
  });

  it('of an archive reply matches its proposers (a salutation typed over the derived one)', () => {
    const text = sample();
    const subject = fileSubject(text);
    if (!subject.ok) throw new Error(subject.reason);
    const reply = { ...subject.subject.reply, proposers: [{ name: '王东伟', role: '委员' as const }] };
    const archived = renderedSubject(text, reply);
    if (!archived.ok) throw new Error(archived.reason);
    expect(checkSubject(archived.subject, OFFICE).map((f) => [f.key, f.line])).toEqual([['check.salutation/addressee.proposers', 11]]);
  });
});

describe('opening and closing formulas', () => {
  const body = (opening: string, closing: string) => `${opening}\n\n一、办理\n\n已办理。\n\n${closing}`;

  it('the opening says 收悉 and names the proposal (warnings: house style)', () => {
    const findings = check(sample({ body: body('关于您的提案，现答复如下：', '非常感谢您的提案。') }));
    expect(findings.map((f) => [f.code, f.line, f.severity])).toEqual([
      ['opening/received', 13, 'warning'],
      ['opening/proposal', 13, 'warning'],
    ]);
  });

  it('the opening speaks to the addressee: 贵单位 to a group, 您 to a member', () => {
    const group = sample({ salutation: '经济委员会：', body: body('您提出的关于测试的提案收悉。', '非常感谢贵单位的提案。') });
    expect(codes(group)).toEqual([['opening/addressee', 13]]);
    expect(codes(sample({ body: body('贵单位提出的《测试提案》的提案收悉。', '非常感谢您的提案。') }))).toEqual([['opening/addressee', 13]]);
  });

  it('the closing of the kind: missing is a warning, addressed to the wrong party an error', () => {
    const missing = check(sample({ body: body('您提出的《测试提案》的提案收悉。', '特此答复。') }));
    expect(missing.map((f) => [f.code, f.line, f.severity])).toEqual([['closing/missing', 19, 'warning']]);
    const wrong = check(sample({ body: body('您提出的《测试提案》的提案收悉。', '非常感谢贵单位的提案。') }));
    expect(wrong.map((f) => [f.code, f.line, f.severity])).toEqual([['closing/addressee', 19, 'error']]);
    const group = sample({ salutation: '经济委员会：', body: body('贵单位提出的关于测试的提案收悉。', '非常感谢您的提案。') });
    expect(codes(group)).toEqual([['closing/addressee', 19]]);
  });

  it('a 会办意见 closes with 以上意见供你单位统一答复提案者时参考。, not with thanks', () => {
    const text = sample({
      title: '对市政协十四届三次会议 第0690号提案的会办意见',
      salutation: '市发展改革委：',
      body: body('顾薇玲等委员提出的关于测试的提案收悉，经研究，现将会办意见函告如下：', '非常感谢您的提案。'),
    });
    expect(codes(text)).toEqual([['closing/addressee', 19]]);
  });

  it('a 建议答复 thanks for the 建议, not for a 提案', () => {
    const text = sample({
      title: '对区人大十七届三次会议 第12号建议的答复',
      salutation: '李明代表：',
      body: body('您提出的关于测试的建议收悉。', '非常感谢您的提案。'),
    });
    expect(codes(text)).toEqual([['closing/addressee', 19]]);
  });
});

describe('heading numbering', () => {
  const withBody = (...blocks: string[]) => sample({ body: ['您提出的《测试提案》的提案收悉。', ...blocks, '非常感谢您的提案。'].join('\n\n') });

  it('a gap and a repeat at level 1', () => {
    expect(codes(withBody('一、甲', '三、乙'))).toEqual([['heading/sequence', 17]]);
    const repeat = check(withBody('一、甲', '一、乙'));
    expect(repeat.map((f) => [f.code, f.params])).toEqual([['heading/sequence', { actual: '一、', expected: '二、' }]]);
  });

  it('（一） starts again under each level-1 heading', () => {
    const findings = check(withBody('一、甲', '（一）子', '（二）子', '二、乙', '（三）子'));
    expect(findings.map((f) => [f.code, f.line, f.key, f.params])).toEqual([
      ['heading/sequence', 23, 'check.heading/sequence.restart', { actual: '（三）', expected: '（一）' }],
    ]);
  });

  it('a level used without the one above it is said once (a warning)', () => {
    const findings = check(withBody('一、甲', '1. 子', '2. 子', '（1）孙'));
    expect(findings.map((f) => [f.code, f.line, f.severity])).toEqual([['heading/skip', 17, 'warning']]);
  });

  it('brackets of （一） and （1） are full-width throughout', () => {
    const findings = check(withBody('一、甲', '（一）子', '(二) 子', '1. 孙', '(1)曾孙'));
    expect(findings.map((f) => [f.code, f.line, f.params.expected])).toEqual([
      ['heading/brackets', 19, '（二）'],
      ['heading/brackets', 23, '（1）'],
    ]);
  });

  it('third-level numbers are written one way', () => {
    expect(codes(withBody('一、甲', '（一）子', '1. 孙', '2、孙'))).toEqual([['heading/style', 21]]);
  });
});

describe('running text', () => {
  const para = (text: string) => sample({ body: `您提出的《测试提案》的提案收悉。\n\n${text}\n\n非常感谢您的提案。` });

  it('half-width punctuation among Chinese characters, one finding per line', () => {
    const findings = check(para('加强合作,加快孵化;推动中以(上海)创新园建设:成效?'));
    expect(findings.map((f) => [f.code, f.line, f.params.count])).toEqual([['punctuation/half-width', 15, 6]]);
  });

  it.each([
    ['1,000 元', 0],
    ['访问 https://www.shpt.gov.cn 查询', 0],
    ['AR/VR/MR 等技术', 0],
    ['（上海）创新园', 0],
    ['数据(2021-2023年)', 2],
    ['苹果公司(Apple)落户', 2],
    ['增长26.96%,占比提高', 1],
    ['如下:', 1],
  ])('%s → %d marks', (text, count) => {
    expect(halfWidthMarks(text)).toHaveLength(count);
  });

  it('a doubled word, but not a reduplicated character', () => {
    expect(codes(para('建成世界一流的城市城市产业数据平台。'))).toEqual([['text/duplicate', 15]]);
    expect(codes(para('常常深入基层，层层压实责任，一步一步推进。'))).toEqual([]);
  });

  it('an English word left in Chinese text, but not names and abbreviations', () => {
    expect(codes(para('研究制定专项扶持政策 and 行动方案。'))).toEqual([['text/latin-word', 15]]);
    expect(codes(para('打造 G60 科创走廊，建设5G精品区，发展AI产业，上线随申办app。'))).toEqual([]);
  });

  it('a placeholder of the scaffold left in the body, but not other words in 【】', () => {
    expect(codes(para('【请在此写明下一步举措】'))).toEqual([['text/placeholder', 15]]);
    expect(codes(para('下一步将【请补充】推进。'))).toEqual([['text/placeholder', 15]]);
    expect(codes(para('【典型案例】长风街道推进老旧小区改造。'))).toEqual([]);
  });

  it('a full stop after a lead-in word where the sentence goes on', () => {
    expect(codes(para('发布了需求清单。下一步。将聚焦重点产业。'))).toEqual([['text/stop-continues', 15]]);
    expect(codes(para('发布了需求清单。下一步，将聚焦重点产业。同时。'))).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['2024 年 5 月 6 日', 'date/spaces'],
    ['2024年05月06日', 'date/leading-zero'],
    ['二〇二四年五月六日', 'date/numerals'],
    ['2024-05-06', 'date/form'],
    ['2024年2月30日', 'date/form'],
  ])('the signed date %s → %s', (date, code) => {
    const text = sample({ date, issued: `上海市普陀区发展和改革委员会\n\n${date}印发` });
    const signedLine = lineOf(text, date);
    const found = codes(text).filter(([c]) => c !== 'date/issued-before-signed');
    expect(found).toEqual([
      [code, signedLine],
      [code, lineOf(text, `${date}印发`)],
    ]);
  });

  it('the 印发 date is not before the signed date', () => {
    const text = sample({ issued: '上海市普陀区发展和改革委员会\n\n2024年5月5日印发' });
    expect(codes(text)).toEqual([['date/issued-before-signed', lineOf(text, '印发')]]);
  });

  it('a signed date after today ("today" is given, the core has no clock)', () => {
    const text = sample({ date: '2024年5月6日' });
    expect(codes(text, { ...OFFICE, today: isoDay(2024, 5, 5) })).toEqual([['date/future', lineOf(text, '2024年5月6日')]]);
    expect(codes(text, { ...OFFICE, today: isoDay(2024, 5, 6) })).toEqual([]);
  });

  it('dates in the text: spaces and leading zeros, not years alone', () => {
    const text = sample({ body: '您提出的《测试提案》的提案收悉。\n\n2022 年 8 月，挂牌；2023年05月8日，揭牌。\n\n2035 年远景目标。\n\n非常感谢您的提案。' });
    expect(codes(text)).toEqual([
      ['date/spaces', 15],
      ['date/leading-zero', 15],
    ]);
  });

  it('reads the forms clerks write', () => {
    expect(readDateText('2023 年 5 月 18 日')).toEqual({ form: 'arabic', date: '2023-05-18', spaces: true, leadingZero: false });
    expect(readDateText('二〇二三年五月十八日')?.date).toBe('2023-05-18');
    expect(readDateText('二〇二三年十二月三十一日')?.date).toBe('2023-12-31');
    expect(readDateText('2023.5.18')).toMatchObject({ form: 'iso', date: '2023-05-18' });
    expect(readDateText('五月十八日')).toBeUndefined();
  });
});

describe('signature, contact block and metadata', () => {
  it('the signature is the organ of the header', () => {
    const text = sample({ signature: '上海市普陀区人民政府' });
    expect(codes(text)).toEqual([['signature/organ', lineOf(text, '上海市普陀区人民政府')]]);
  });

  it('without a 文件 header there is nothing to compare', () => {
    expect(codes(sample({ header: '', signature: '上海市普陀区人民政府' }))).toEqual([]);
  });

  it('the contact block is complete (a warning), its phone and postcode well formed (errors)', () => {
    const text = sample({ contact: '联系人姓名：宋佩颖\n\n联系电话：5256\n\n邮政编码：20033' });
    expect(check(text).map((f) => [f.code, f.line, f.severity])).toEqual([
      ['contact/phone', lineOf(text, '联系电话')],
      ['contact/postcode', lineOf(text, '邮政编码')],
      ['contact/missing', lineOf(text, '邮政编码')],
    ].map(([c, l]) => [c, l, RULES[c as keyof typeof RULES].severity]));
  });

  it.each(['52564588-2321', '021-52564588', '（021）52564588转2321', '13812345678', '52564588、52564599'])('phone %s is well formed', (phone) => {
    expect(codes(sample({ contact: `联系人姓名：宋佩颖\n\n联系电话：${phone}\n\n通讯地址：大渡河路1668号\n\n邮政编码：200333` }))).toEqual([]);
  });

  it('办理结果 and 公开属性 are in the configured lists, and present', () => {
    expect(codes(sample({ meta: '办理结果：已办结\n\n公开属性：内部' }))).toEqual([
      ['meta/result', 1],
      ['meta/disclosure', 3],
    ]);
    expect(codes(sample({ meta: '办理结果：已办结\n\n公开属性：内部' }), NO_CONFIG)).toEqual([]);
    const bare = sample({ meta: '' });
    expect(codes(bare)).toEqual([
      ['meta/result', lineOf(bare, '文件')],
      ['meta/disclosure', lineOf(bare, '文件')],
    ]);
  });
});

describe('the corpus (file check, pure)', () => {
  const corpus = (file: string) => readFileSync(join(CORPUS, file), 'utf8');

  it('000: the half-width (二), 城市城市, the half-width brackets and the spaced date of the text', () => {
    expect(codes(corpus('000_4fb67617f60c5557.txt'))).toEqual([
      ['punctuation/half-width', 35],
      ['punctuation/half-width', 37],
      ['heading/brackets', 39],
      ['date/spaces', 41],
      ['heading/skip', 51],
      ['text/duplicate', 57],
    ]);
  });

  it('004 is clean', () => {
    expect(codes(corpus('004_c7071f7df36f8e71.txt'))).toEqual([]);
  });
});

describe('fixing', () => {
  it('repairs punctuation, heading brackets, cited doc numbers and dates in the text, bold marks looked through', () => {
    expect(fixText('加强合作,加快**孵化**;中以(上海)创新园')).toBe('加强合作，加快**孵化**；中以（上海）创新园');
    expect(fixText('专项政策,**助力**企业')).toBe('专项政策，**助力**企业');
    expect(fixText('根据普府[2023]第05号文件,2022 年 08 月挂牌')).toBe('根据普府〔2023〕5号文件，2022年8月挂牌');
    expect(fixText('1,000 元；访问 https://a.b')).toBe('1,000 元；访问 https://a.b');
  });

  it('keeps Markdown heading marks and footnote definitions, and fixes a heading number', () => {
    expect(fixBody('(二) 深化产业联动\n\n### (1)子项,内容\n\n[^1]: 注释,内容\n')).toBe('（二）深化产业联动\n\n### （1）子项，内容\n\n[^1]: 注释，内容\n');
  });

  it('the fixed body parses to the same structure', () => {
    const body = readFileSync(join(CORPUS, '000.body.md'), 'utf8');
    const before = parseBody(body);
    const after = parseBody(fixBody(body));
    expect(after.blocks.map((b) => b.type === 'heading' && [b.marker.level, b.marker.value])).toEqual(
      before.blocks.map((b) => b.type === 'heading' && [b.marker.level, b.marker.value]),
    );
    expect(after.blocks.filter((b) => b.type === 'heading' && b.marker.halfWidthBrackets)).toEqual([]);
  });

  it('the salutation gets its full-width colon; a derived one is left alone', () => {
    expect(fixSalutation('朱莺委员:')).toBe('朱莺委员：');
    expect(fixSalutation('朱莺委员')).toBe('朱莺委员：');
    expect(fixSalutation('朱莺委员：')).toBe('朱莺委员：');
    const subject = fileSubject(sample());
    if (!subject.ok) throw new Error(subject.reason);
    const reply = subject.subject.reply;
    expect(fixReply({ ...reply, salutation: null }).salutation).toBeNull();
    expect(fixReply({ ...reply, salutation: '朱莺委员:' }).salutation).toBe('朱莺委员：');
  });

  it('leaves a clean body as it is', () => {
    const body = readFileSync(join(CORPUS, '004.body.md'), 'utf8');
    expect(fixBody(body)).toBe(body);
  });
});

describe('the rule table of docs/commands.md', () => {
  it('lists every rule with its severity and whether --fix repairs it', () => {
    const readme = readFileSync(join(CORPUS, '..', '..', '..', 'docs', 'commands.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z-]+\/[a-z-]+)` \| (错误|警告) \| [^|]+ \| ?(✓?) ?\|$/gmu)].map((m) => [
      m[1],
      m[2] === '错误' ? 'error' : 'warning',
      m[3] === '✓',
    ]);
    expect(rows).toEqual(Object.entries(RULES).map(([code, rule]) => [code, rule.severity, rule.fix]));
  });
});

describe('unified diff', () => {
  it('prints hunks with context, nothing for equal texts', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const b = a.replace('2\n', '二\n').replace('9\n', '九\n');
    expect(unifiedDiff(a, a, { before: 'a', after: 'b' })).toBe('');
    expect(unifiedDiff(a, b, { before: 'a', after: 'b' }, 1)).toBe(
      ['--- a', '+++ b', '@@ -1,3 +1,3 @@', ' 1', '-2', '+二', ' 3', '@@ -8,3 +8,3 @@', ' 8', '-9', '+九', ' 10', ''].join('\n'),
    );
  });

  it('a one-line field', () => {
    expect(unifiedDiff('朱莺委员:', '朱莺委员：', { before: 'a', after: 'b' })).toBe('--- a\n+++ b\n@@ -1 +1 @@\n-朱莺委员:\n+朱莺委员：\n');
  });
});
