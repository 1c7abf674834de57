import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/body.js';
import { parseConfig, type Config } from '../../src/core/config.js';
import { isoDay, type IsoDate } from '../../src/core/dates.js';
import {
  applyEdits,
  changedFields,
  buildNewReply,
  EDITABLE,
  missingFields,
  normaliseBody,
  parseKind,
  parseProposalNo,
  parseProposers,
  splitList,
  type EditableField,
  type ReplyInput,
} from '../../src/core/fields.js';
import { contactPhone } from '../../src/core/checks/tail.js';
import { ValidationError } from '../../src/core/errors.js';
import { DEFAULT_CONTACT_LABELS, type ReplyFields } from '../../src/core/reply.js';
import { corpusBody, corpusInput, issueKeys, issuesOf, workspaceConfig } from './support.js';

const TODAY = isoDay(2023, 5, 20);

const config: Config = parseConfig(
  `{
    "organ": "上海市普陀区发展和改革委员会",
    "docPrefix": "普发改委",
    "contact": { "name": "宋佩颖", "phone": "52564588-2321", "address": "大渡河路1668号1号楼B区313室", "postcode": "200333" },
    "cc": ["区政协提案委"]
  }`,
  'reply.config.json',
);

/** A complete, valid input: each test changes what it is about. */
const valid: ReplyInput = {
  kind: '提案答复',
  session: '区政协十五届二次会议',
  proposalNo: '152104',
  title: '开发长三角一体化智能数据图表研报平台的建议',
  proposers: ['朱莺委员'],
  result: '采纳解决',
  disclosure: '主动公开·全文',
  body: '您提出的提案收悉。\n',
};

const build = (input: Partial<ReplyInput>, cfg: Config = config, today: IsoDate = TODAY) =>
  buildNewReply({ ...valid, ...input } as ReplyInput, cfg, today);

describe('buildNewReply files the corpus replies from their answers', () => {
  it('builds corpus 000 (a member, 普发改委〔2023〕16号)', () => {
    const r = buildNewReply(corpusInput('000'), workspaceConfig('workspace'), TODAY);
    expect(r.docNumber?.toString()).toBe('普发改委〔2023〕16号');
    expect(r).toMatchObject({
      kind: '提案答复',
      session: '区政协十五届二次会议',
      proposalNo: '152104',
      proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }],
      salutation: null,
      leadUnit: null,
      result: '采纳解决',
      disclosure: '主动公开·全文',
      signedOn: '2023-05-18',
      issuedOn: null,
      organ: '上海市普陀区发展和改革委员会',
      header: '上海市普陀区发展和改革委员会文件',
      printingOrgan: '上海市普陀区发展和改革委员会',
      contact: { name: '宋佩颖', phone: '52564588-2321', address: '大渡河路1668号1号楼B区313室', postcode: '200333' },
      contactLabels: DEFAULT_CONTACT_LABELS,
      cc: [],
    });
    expect(r.body).toBe(corpusBody('000'));
  });

  it('builds corpus 001 (a group, Chinese date, one contact label changed)', () => {
    const r = buildNewReply(corpusInput('001'), workspaceConfig('workspace'), TODAY);
    expect(r.proposers).toEqual([{ name: '经济委员会', role: '集体' }]);
    expect(r.signedOn).toBe('2023-04-27');
    expect(r.contactLabels).toEqual({ ...DEFAULT_CONTACT_LABELS, address: '承办单位通讯地址' });
    expect(r.contact.name).toBe('陈蕾艳');
  });

  it('builds corpus 002 (a 会办意见 of another organ, number 0690, cc and printing organ)', () => {
    const r = buildNewReply(corpusInput('002'), workspaceConfig('workspace-government'), TODAY);
    expect(r.docNumber?.toString()).toBe('普府〔2025〕19号');
    expect(r).toMatchObject({
      kind: '会办意见',
      proposalNo: '0690',
      proposers: [{ name: '顾薇玲', role: '委员' }],
      leadUnit: '市发展改革委',
      result: '解决或采纳',
      signedOn: '2025-03-06',
      organ: '上海市普陀区人民政府',
      header: '上海市普陀区人民政府文件',
      printingOrgan: '上海市普陀区人民政府办公室',
      cc: ['市政协提案委', '市政府办公厅建议提案处'],
      contact: { name: '杨益', phone: '52564588-3335', address: '大渡河路 1668 号 2 号楼 1109 室', postcode: '200333' },
      contactLabels: { name: '联系人', phone: '联系电话', address: '联系地址', postcode: '邮政编码' },
    });
  });

  it('builds corpus 004 without a header', () => {
    const r = buildNewReply(corpusInput('004'), workspaceConfig('workspace'), TODAY);
    expect(r.header).toBeNull();
    expect(parseBody(r.body).footnotes).toHaveLength(1);
  });
});

describe('buildNewReply reports all missing fields at once', () => {
  it('names every required field of an empty input, in prompt order', () => {
    expect(issuesOf(() => buildNewReply({}, config, TODAY))).toEqual(
      ['kind', 'session', 'proposal-no', 'title', 'proposer', 'result', 'disclosure', 'body'].map((field) => ({ field, key: 'field.missing' })),
    );
  });

  it('asks a 会办意见 for its lead unit', () => {
    expect(issuesOf(() => build({ kind: '会办意见' }))).toEqual([{ field: 'lead-unit', key: 'field.missing' }]);
  });

  it('does not ask a 提案答复 for a lead unit', () => {
    expect(build({}).leadUnit).toBeNull();
  });
});

describe('a lead unit belongs to a 会办意见 alone', () => {
  it('refuses one given to a reply to proposers', () => {
    expect(issuesOf(() => build({ leadUnit: '区建管委' }))).toEqual([{ field: 'lead-unit', key: 'field.leadUnitOfCohandling' }]);
    expect(issuesOf(() => build({ kind: '建议答复', leadUnit: '区建管委', proposers: ['王某代表'] }))).toEqual([
      { field: 'lead-unit', key: 'field.leadUnitOfCohandling' },
    ]);
  });

  it('an edit that makes a 会办意见 a reply to proposers clears the lead unit with it, or is refused', () => {
    const opinion = build({ kind: '会办意见', leadUnit: '区建管委' });
    expect(opinion).toMatchObject({ kind: '会办意见', leadUnit: '区建管委' });
    expect(issuesOf(() => applyEdits(opinion, [{ field: 'kind', value: '提案答复' }], config))).toEqual([
      { field: 'lead-unit', key: 'field.leadUnitOfCohandling' },
    ]);
    const answer = applyEdits(opinion, [{ field: 'kind', value: '提案答复' }, { field: 'lead-unit', value: '' }], config);
    expect(answer).toMatchObject({ kind: '提案答复', leadUnit: null });
    // and back: a 会办意见 needs its lead unit again
    expect(issuesOf(() => applyEdits(answer, [{ field: 'kind', value: '会办意见' }], config))).toEqual([{ field: 'lead-unit', key: 'field.missing' }]);
  });

  it('counts blank text and empty lists as missing', () => {
    expect(issueKeys(issuesOf(() => build({ session: '  ', proposers: [], body: '\n\n' })))).toEqual({
      session: 'field.missing',
      proposer: 'field.missing',
      body: 'field.missing',
    });
  });

  it('reports each field once', () => {
    const issues = issuesOf(() => build({ result: '  ', proposers: [] }));
    expect(issues.map((i) => i.field)).toEqual(['proposer', 'result']);
    expect(issues.every((i) => i.key === 'field.missing')).toBe(true);
  });
});

describe('buildNewReply reports all invalid fields at once', () => {
  it('collects every invalid field in one ValidationError', () => {
    const issues = issuesOf(() =>
      build({
        kind: 'memo',
        result: '满意',
        disclosure: '公开',
        signedOn: '2023-02-30',
        docNumber: 'abc',
        contact: { postcode: '1234' },
      }),
    );
    expect(issueKeys(issues)).toEqual({
      kind: 'kind.unknown',
      result: 'field.notAllowed',
      disclosure: 'field.notAllowed',
      'signed-on': 'date.noSuchDay',
      'doc-number': 'docNumber.unreadable',
      'contact.postcode': 'contact.badPostcode',
    });
  });

  it('reports missing and invalid fields together', () => {
    const issues = issuesOf(() => buildNewReply({ kind: 'memo', signedOn: '2023-02-30' }, config, TODAY));
    expect(issueKeys(issues)).toMatchObject({ kind: 'kind.unknown', session: 'field.missing', 'signed-on': 'date.noSuchDay' });
  });

  it('reports a bad proposal number on its own', () => {
    expect(issuesOf(() => build({ proposalNo: '15 2104' }))).toEqual([
      { field: 'proposal-no', key: 'proposalNo.bad', params: { value: '15 2104' } },
    ]);
  });

  it('reports a bad proposal number together with the other problems', () => {
    expect(issueKeys(issuesOf(() => build({ proposalNo: '15 2104', result: '满意' })))).toEqual({
      'proposal-no': 'proposalNo.bad',
      result: 'field.notAllowed',
    });
  });

  it('refuses a bad phone number of the contact', () => {
    expect(issueKeys(issuesOf(() => build({ contact: { phone: 'call me' } })))).toEqual({ 'contact.phone': 'contact.badPhone' });
  });

  it('refuses a proposer with an unknown role', () => {
    expect(issuesOf(() => build({ proposers: [{ name: '朱莺', role: '主任' }] }))).toEqual([
      { field: 'proposer', key: 'proposer.badRole', params: { value: '主任' } },
    ]);
  });

  it('refuses a list typed as one proposer object', () => {
    expect(issueKeys(issuesOf(() => build({ proposers: [{ name: '张三、李四' }] })))).toEqual({ proposer: 'proposer.several' });
  });
});

describe('buildNewReply applies the config defaults', () => {
  it('takes the contact from the config when none is given', () => {
    expect(build({}).contact).toEqual(config.contact);
  });

  it('takes a given contact whole: none of the office\'s fields is mixed into it', () => {
    expect(build({ contact: { name: '杨益', phone: '' } }).contact).toEqual({ name: '杨益' });
    expect(build({}).contact).toMatchObject({ address: '大渡河路1668号1号楼B区313室', postcode: '200333' });
  });

  it('takes the header 「organ + 文件」 by default', () => {
    expect(build({}).header).toBe('上海市普陀区发展和改革委员会文件');
  });

  it('prints no header when the input says null', () => {
    expect(build({ header: null }).header).toBeNull();
  });

  it('takes a header given in the input', () => {
    expect(build({ header: ' 上海市普陀区人民政府文件 ' }).header).toBe('上海市普陀区人民政府文件');
  });

  it('takes organ and printing organ from the config', () => {
    const gov = workspaceConfig('workspace-government');
    const r = build({}, gov);
    expect([r.organ, r.printingOrgan]).toEqual(['上海市普陀区人民政府', '上海市普陀区人民政府办公室']);
  });

  it('takes the cc list from the config when none is given', () => {
    expect(build({}).cc).toEqual(['区政协提案委']);
  });

  it('takes a given cc list instead, trimmed and without blanks', () => {
    expect(build({ cc: [' 市政协提案委 ', '', '市政府办公厅建议提案处'] }).cc).toEqual(['市政协提案委', '市政府办公厅建议提案处']);
  });

  it('merges given contact labels over the configured ones', () => {
    expect(build({ contactLabels: { address: '承办单位通讯地址' } }).contactLabels).toEqual({
      ...DEFAULT_CONTACT_LABELS,
      address: '承办单位通讯地址',
    });
  });

  it('signs today when no signed date is given', () => {
    expect(build({}).signedOn).toBe('2023-05-20');
  });

  it('leaves the issued date and the doc number open when not given', () => {
    const r = build({});
    expect(r.issuedOn).toBeNull();
    expect(r.docNumber).toBeNull();
  });

  it('gives a short doc number the configured prefix', () => {
    expect(build({ docNumber: '2023-16' }).docNumber?.toString()).toBe('普发改委〔2023〕16号');
  });
});

describe('buildNewReply accepts only the results and disclosures of the config', () => {
  const strict = parseConfig('{"organ": "某局", "docPrefix": "某", "results": ["A类", "B类"], "disclosures": ["公开"]}', 'c.json');

  it('accepts a listed result and disclosure, trimmed', () => {
    const r = build({ result: ' A类 ', disclosure: '公开' }, strict);
    expect([r.result, r.disclosure]).toEqual(['A类', '公开']);
  });

  it('refuses a result not in the list and names the allowed ones', () => {
    expect(issuesOf(() => build({ disclosure: '公开' }, strict))).toEqual([
      { field: 'result', key: 'field.notAllowed', params: { value: '采纳解决', allowed: 'A类、B类' } },
    ]);
  });

  it('refuses a disclosure not in the list', () => {
    expect(issuesOf(() => build({ result: 'A类' }, strict))).toEqual([
      { field: 'disclosure', key: 'field.notAllowed', params: { value: '主动公开·全文', allowed: '公开' } },
    ]);
  });

  it.each(['解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考'])('accepts the default result %s', (result) => {
    expect(build({ result }).result).toBe(result);
  });
});

describe('buildNewReply checks the dates', () => {
  it('reads the signed date in any accepted form', () => {
    expect(build({ signedOn: '2023 年 5 月 18 日' }).signedOn).toBe('2023-05-18');
  });

  it('refuses an issued date before the signed date', () => {
    expect(issuesOf(() => build({ signedOn: '2023-05-18', issuedOn: '2023-05-17' }))).toEqual([
      { field: 'issued-on', key: 'date.issuedBeforeSigned' },
    ]);
  });

  it('refuses an issued date before today when the signed date defaults to today', () => {
    expect(issueKeys(issuesOf(() => build({ issuedOn: '2023-05-19' })))).toEqual({ 'issued-on': 'date.issuedBeforeSigned' });
  });

  it('accepts an issued date on or after the signed date', () => {
    expect(build({ signedOn: '2023-05-18', issuedOn: '2023-05-18' }).issuedOn).toBe('2023-05-18');
    expect(build({ signedOn: '2023-05-18', issuedOn: '2023-06-01' }).issuedOn).toBe('2023-06-01');
  });

  it('refuses an issued date that does not exist', () => {
    expect(issueKeys(issuesOf(() => build({ issuedOn: '2023-02-30' })))).toEqual({ 'issued-on': 'date.noSuchDay' });
  });
});

describe('buildNewReply keeps the proposal number as written', () => {
  it.each([
    ['0690', '0690'],
    ['第0690号', '0690'],
    [' 152104 ', '152104'],
  ])('files %j as %s', (input, no) => {
    expect(build({ proposalNo: input }).proposalNo).toBe(no);
  });
});

describe('buildNewReply reads the proposers', () => {
  it('splits a typed list and shares the role (张三、李四委员)', () => {
    expect(build({ proposers: ['张三、李四委员'] }).proposers).toEqual([
      { name: '张三', role: '委员' },
      { name: '李四', role: '委员' },
    ]);
  });

  it('makes bare names deputies in a 建议答复', () => {
    expect(build({ kind: '建议答复', proposers: ['李明'] }).proposers).toEqual([{ name: '李明', role: '代表' }]);
  });

  it('takes a role given with the name', () => {
    expect(build({ proposers: [{ name: ' 民盟普陀区委 ', role: '集体' }] }).proposers).toEqual([{ name: '民盟普陀区委', role: '集体' }]);
  });

  it('reads the role from the name when an object gives none', () => {
    expect(build({ proposers: [{ name: '李明代表' }] }).proposers).toEqual([{ name: '李明', role: '代表' }]);
  });
});

describe('buildNewReply tidies the text fields', () => {
  it('reads a kind alias', () => {
    expect(build({ kind: 'suggestion' }).kind).toBe('建议答复');
  });

  it('trims session and title', () => {
    const r = build({ session: ' 区政协十五届二次会议 ', title: ' 标题 ' });
    expect([r.session, r.proposalTitle]).toEqual(['区政协十五届二次会议', '标题']);
  });

  it('keeps a given salutation and drops a blank one', () => {
    expect(build({ salutation: ' 朱莺委员： ' }).salutation).toBe('朱莺委员：');
    expect(build({ salutation: '  ' }).salutation).toBeNull();
  });

  it('normalises the body', () => {
    expect(build({ body: '\uFEFF第一段。  \r\n\r\n第二段。\t\r\n\r\n' }).body).toBe('第一段。\n\n第二段。\n');
  });
});

describe('missingFields lists what a prompt still has to ask', () => {
  it('lists everything for an empty input', () => {
    expect(missingFields({})).toEqual(['kind', 'session', 'proposalNo', 'title', 'proposers', 'result', 'disclosure', 'body']);
  });

  it('asks a 会办意见, typed by alias, for its lead unit after the proposers', () => {
    expect(missingFields({ kind: '会办' })).toEqual(['session', 'proposalNo', 'title', 'proposers', 'leadUnit', 'result', 'disclosure', 'body']);
  });

  it('lists nothing for a complete input', () => {
    expect(missingFields(valid)).toEqual([]);
  });
});

describe('parseProposalNo reads a proposal number', () => {
  it.each([
    ['152104', '152104'],
    ['0690', '0690'],
    ['第152104号', '152104'],
    [' 第0690号 ', '0690'],
  ])('reads %s as %s', (input, no) => {
    expect(parseProposalNo(input)).toBe(no);
  });

  it.each(['', '15 2104', '第号', '一二三', '152104/1', 'A-12', '1234567890123'])('refuses %j (proposalNo.bad)', (input) => {
    expect(issuesOf(() => parseProposalNo(input))).toEqual([{ field: 'proposal-no', key: 'proposalNo.bad', params: { value: input } }]);
  });
});

describe('splitList splits typed lists', () => {
  it('splits at 、 ， , ； ; and drops blanks', () => {
    expect(splitList('张三、李四，王五,赵六；钱七; ;')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
  });

  it('gives an empty list for blank text', () => {
    expect(splitList('  ')).toEqual([]);
  });
});

describe('parseKind reads a kind', () => {
  it.each([
    ['提案答复', '提案答复'],
    ['提案', '提案答复'],
    ['Proposal', '提案答复'],
    ['建议', '建议答复'],
    ['deputy', '建议答复'],
    ['会办', '会办意见'],
    [' co-handling ', '会办意见'],
  ])('reads %j as %s', (input, kind) => {
    expect(parseKind(input)).toBe(kind);
  });

  it('refuses an unknown kind (kind.unknown)', () => {
    expect(issuesOf(() => parseKind('memo'))).toEqual([{ field: 'kind', key: 'kind.unknown', params: { value: 'memo' } }]);
  });
});

describe('parseProposers needs at least one proposer', () => {
  it('refuses an empty list (field.missing)', () => {
    expect(issuesOf(() => parseProposers([], '提案答复'))).toEqual([{ field: 'proposer', key: 'field.missing' }]);
  });

  it('refuses a list of blanks (field.missing)', () => {
    expect(issuesOf(() => parseProposers(['、', ' '], '提案答复'))).toEqual([{ field: 'proposer', key: 'field.missing' }]);
  });
});

describe('normaliseBody', () => {
  it('ends with exactly one newline', () => {
    expect(normaliseBody('正文')).toBe('正文\n');
    expect(normaliseBody('正文\n\n\n')).toBe('正文\n');
  });

  it('keeps blank lines between paragraphs and the indentation inside', () => {
    expect(normaliseBody('甲\n\n  乙')).toBe('甲\n\n  乙\n');
  });

  it('leaves a corpus body unchanged', () => {
    expect(normaliseBody(corpusBody('004'))).toBe(corpusBody('004'));
  });
});

/** Corpus 000 as filed, with an issued date so clearing can be seen. */
function filed(): ReplyFields {
  const r = buildNewReply({ ...corpusInput('000'), issuedOn: '2023-05-19' }, workspaceConfig('workspace'), TODAY);
  return { ...r, docNumber: r.docNumber! };
}

const edit = (field: string, value: string, base: ReplyFields = filed()) => applyEdits(base, [{ field, value }], config);

describe('applyEdits sets each editable field', () => {
  const examples = {
    kind: ['建议答复', (r) => r.kind, '建议答复'],
    session: ['区政协十五届三次会议', (r) => r.session, '区政协十五届三次会议'],
    'proposal-no': ['第0690号', (r) => r.proposalNo, '0690'],
    title: ['  新的标题 ', (r) => r.proposalTitle, '新的标题'],
    proposer: ['张三、李四', (r) => r.proposers, [{ name: '张三', role: '委员' }, { name: '李四', role: '委员' }]],
    'lead-unit': ['市发展改革委', (r) => r.leadUnit, '市发展改革委'],
    salutation: ['尊敬的朱莺委员：', (r) => r.salutation, '尊敬的朱莺委员：'],
    result: ['部分采纳', (r) => r.result, '部分采纳'],
    disclosure: ['依申请公开', (r) => r.disclosure, '依申请公开'],
    'signed-on': ['2023年5月19日', (r) => r.signedOn, '2023-05-19'],
    'issued-on': ['2023/6/1', (r) => r.issuedOn, '2023-06-01'],
    'doc-number': ['2023-17', (r) => r.docNumber!.toString(), '普发改委〔2023〕17号'],
    organ: ['上海市普陀区人民政府', (r) => r.organ, '上海市普陀区人民政府'],
    header: ['上海市普陀区人民政府文件', (r) => r.header, '上海市普陀区人民政府文件'],
    'printing-organ': ['上海市普陀区人民政府办公室', (r) => r.printingOrgan, '上海市普陀区人民政府办公室'],
    cc: ['市政协提案委、市政府办公厅建议提案处', (r) => r.cc, ['市政协提案委', '市政府办公厅建议提案处']],
    'contact.name': ['杨益', (r) => r.contact.name, '杨益'],
    'contact.phone': ['52564588-3335', (r) => r.contact.phone, '52564588-3335'],
    'contact.address': ['大渡河路1668号2号楼1109室', (r) => r.contact.address, '大渡河路1668号2号楼1109室'],
    'contact.postcode': ['200062', (r) => r.contact.postcode, '200062'],
    'copy-no': ['000001', (r) => r.classification.copyNo, '000001'],
    secrecy: ['秘密★1年', (r) => r.classification.secrecy, '秘密★1年'],
    urgency: ['特急', (r) => r.classification.urgency, '特急'],
    annotation: ['（此件公开发布）', (r) => r.annotation, '此件公开发布'],
    style: ['信函', (r) => r.style, '信函'],
  } satisfies Record<EditableField, [string, (r: ReplyFields) => unknown, unknown]>;

  it('has an example for every editable field', () => {
    expect(Object.keys(examples).sort()).toEqual([...EDITABLE].sort());
  });

  it.each(Object.entries(examples))('sets %s', (field, [value, read, expected]) => {
    // A lead unit is a 会办意见's alone.
    const before = field === 'lead-unit' ? applyEdits(filed(), [{ field: 'kind', value: '会办意见' }, { field: 'lead-unit', value: '区建管委' }], config) : filed();
    expect(read(before)).not.toEqual(expected);
    expect(read(edit(field, value, before))).toEqual(expected);
  });

  it('changes nothing but the field edited', () => {
    const before = filed();
    const after = edit('session', '区政协十五届三次会议', before);
    expect({ ...after, session: before.session }).toEqual(before);
  });

  it('leaves the reply it was given unchanged', () => {
    const before = filed();
    const copy = structuredClone({ ...before, docNumber: before.docNumber!.toString() });
    applyEdits(before, [{ field: 'title', value: '新的标题' }, { field: 'contact.name', value: '杨益' }], config);
    expect({ ...before, docNumber: before.docNumber!.toString() }).toEqual(copy);
  });

  it('applies several edits in order, the last one winning', () => {
    const r = applyEdits(filed(), [{ field: 'title', value: '甲' }, { field: 'title', value: '乙' }], config);
    expect(r.proposalTitle).toBe('乙');
  });

  it('keeps the prefix of the reply for a short doc number', () => {
    const gov = edit('doc-number', '普府〔2025〕19号');
    expect(edit('doc-number', '2025-20', gov).docNumber!.toString()).toBe('普府〔2025〕20号');
  });

  it('gives a bare name the role of the reply kind', () => {
    const deputyReply = edit('kind', '建议答复');
    expect(edit('proposer', '李明', deputyReply).proposers).toEqual([{ name: '李明', role: '代表' }]);
  });
});

describe('applyEdits clears optional fields with an empty value', () => {
  it.each([
    ['issued-on', (r: ReplyFields) => r.issuedOn, null],
    ['header', (r: ReplyFields) => r.header, null],
    ['salutation', (r: ReplyFields) => r.salutation, null],
    ['cc', (r: ReplyFields) => r.cc, []],
    ['contact.name', (r: ReplyFields) => 'name' in r.contact, false],
    // the doc number is optional: a reply may be filed without one
    ['doc-number', (r: ReplyFields) => r.docNumber, null],
  ] as const)('clears %s', (field, read, cleared) => {
    const before = applyEdits(filed(), [{ field: 'salutation', value: '朱莺委员：' }, { field: 'cc', value: '某单位' }], config);
    expect(read(before)).not.toEqual(cleared);
    expect(read(edit(field, '  ', before))).toEqual(cleared);
  });

  it('takes header=false as no header, as the config and an answers file do, not as the header’s text', () => {
    expect(edit('header', 'false').header).toBeNull();
  });

  it('keeps the other contact fields when one is cleared', () => {
    expect(edit('contact.phone', '').contact).toEqual({ name: '宋佩颖', address: '大渡河路1668号1号楼B区313室', postcode: '200333' });
  });
});

describe('applyEdits refuses to clear a required field', () => {
  it.each(['kind', 'session', 'proposal-no', 'title', 'proposer', 'result', 'disclosure', 'signed-on', 'organ', 'printing-organ'])(
    'refuses an empty %s (field.missing)',
    (field) => {
      expect(issuesOf(() => edit(field, ' '))).toEqual([{ field, key: 'field.missing' }]);
    },
  );
});

describe('applyEdits completes a record that lacks fields', () => {
  const incomplete = (): ReplyFields => ({ ...filed(), docNumber: null, signedOn: null, session: null, proposalNo: null, proposers: [], organ: null });

  it('sets each needed field and a doc number, the short form taking the configured prefix', () => {
    const r = applyEdits(
      incomplete(),
      [
        { field: 'session', value: '区政协十五届二次会议' },
        { field: 'proposal-no', value: '152104' },
        { field: 'signed-on', value: '2023-05-18' },
        { field: 'organ', value: '上海市普陀区发展和改革委员会' },
        { field: 'proposer', value: '朱莺委员' },
        { field: 'doc-number', value: '2023-16' },
      ],
      config,
    );
    expect(r).toMatchObject({ session: '区政协十五届二次会议', proposalNo: '152104', signedOn: '2023-05-18', organ: '上海市普陀区发展和改革委员会' });
    expect(r.proposers).toEqual([{ name: '朱莺', role: '委员' }]);
    expect(r.docNumber!.toString()).toBe('普发改委〔2023〕16号');
  });

  it('sets an issued date on a record without a signed date, and checks it against the date once there is one', () => {
    expect(edit('issued-on', '2023-05-01', incomplete()).issuedOn).toBe('2023-05-01');
    expect(issuesOf(() => applyEdits(incomplete(), [{ field: 'issued-on', value: '2023-05-01' }, { field: 'signed-on', value: '2023-05-18' }], config))).toEqual([
      { field: 'issued-on', key: 'date.issuedBeforeSigned' },
    ]);
  });

  it('names the doc number among the changed fields when it is added or taken away', () => {
    const none = incomplete();
    expect(changedFields(none, edit('doc-number', '2023-16', none))).toEqual(['doc-number']);
    expect(changedFields(filed(), edit('doc-number', ''))).toEqual(['doc-number']);
  });
});

describe('applyEdits refuses bad values', () => {
  it.each([
    ['kind', 'memo', 'kind.unknown'],
    ['proposal-no', '15 2104', 'proposalNo.bad'],
    ['proposer', '：', 'proposer.empty'],
    ['result', '满意', 'field.notAllowed'],
    ['disclosure', '公开', 'field.notAllowed'],
    ['signed-on', '2023-02-30', 'date.noSuchDay'],
    ['issued-on', '明天', 'date.unreadable'],
    ['doc-number', '普发改委〔2023〕0号', 'docNumber.badSeq'],
  ])('refuses %s=%s (%s)', (field, value, key) => {
    const issues = issuesOf(() => edit(field, value));
    expect(issues.map((i) => i.key)).toContain(key);
  });

  it('refuses a bad postcode under contact.postcode', () => {
    expect(issuesOf(() => edit('contact.postcode', '2000'))).toEqual([
      { field: 'contact.postcode', key: 'contact.badPostcode', params: { value: '2000' } },
    ]);
  });

  it('refuses a bad phone under contact.phone', () => {
    expect(issueKeys(issuesOf(() => edit('contact.phone', 'n/a')))).toEqual({ 'contact.phone': 'contact.badPhone' });
  });

  it('takes a phone exactly when the checker takes it: one rule, so an accepted edit never blocks signing', () => {
    const numbers = ['52564588-2321', '021-52564588', '(021)52564588 转 2321', '13812345678', '52564588、52564589', '400-123-4567', '021 52564588', '+86 21 52564588', '5256', '52564588-'];
    const taken = (phone: string) => {
      try {
        edit('contact.phone', phone);
        return true;
      } catch (error) {
        if (error instanceof ValidationError) return false;
        throw error;
      }
    };
    const checked = (phone: string) => contactPhone({ layout: { contact: { phone: { value: phone, line: 1 } } } } as never, {} as never).length === 0;
    for (const phone of numbers) expect(taken(phone), phone).toBe(checked(phone));
    expect(numbers.filter(taken)).toEqual(['52564588-2321', '021-52564588', '(021)52564588 转 2321', '13812345678', '52564588、52564589', '400-123-4567']);
  });

  it('refuses an issued date before the signed date', () => {
    expect(issuesOf(() => edit('issued-on', '2023-05-01'))).toEqual([{ field: 'issued-on', key: 'date.issuedBeforeSigned' }]);
  });

  it('refuses a signed date after the issued date', () => {
    expect(issuesOf(() => edit('signed-on', '2023-05-25'))).toEqual([{ field: 'issued-on', key: 'date.issuedBeforeSigned' }]);
  });

  it('accepts moving both dates together', () => {
    const r = applyEdits(filed(), [{ field: 'signed-on', value: '2023-06-01' }, { field: 'issued-on', value: '2023-06-02' }], config);
    expect([r.signedOn, r.issuedOn]).toEqual(['2023-06-01', '2023-06-02']);
  });
});

describe('applyEdits keeps a 会办意见 addressed', () => {
  it('asks for a lead unit when the kind becomes 会办意见', () => {
    expect(issuesOf(() => edit('kind', '会办意见'))).toEqual([{ field: 'lead-unit', key: 'field.missing' }]);
  });

  it('accepts the kind together with its lead unit', () => {
    const r = applyEdits(filed(), [{ field: 'kind', value: '会办' }, { field: 'lead-unit', value: '市发展改革委' }], config);
    expect([r.kind, r.leadUnit]).toEqual(['会办意见', '市发展改革委']);
  });

  it('refuses to clear the lead unit of a 会办意见', () => {
    const r = applyEdits(filed(), [{ field: 'kind', value: '会办意见' }, { field: 'lead-unit', value: '市发展改革委' }], config);
    expect(issuesOf(() => edit('lead-unit', '', r))).toEqual([{ field: 'lead-unit', key: 'field.missing' }]);
  });
});

describe('applyEdits refuses unknown fields', () => {
  it.each(['id', 'status', 'body', 'contact.fax', 'Title', ''])('refuses %j (field.notEditable) and lists the editable fields', (field) => {
    const issues = issuesOf(() => edit(field, 'x'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field, key: 'field.notEditable' });
    expect(String(issues[0]?.params?.keys).split(', ')).toEqual([...EDITABLE]);
  });
});

describe('applyEdits reports all problems together', () => {
  it('collects the issues of every bad edit', () => {
    const issues = issuesOf(() =>
      applyEdits(
        filed(),
        [
          { field: 'result', value: '满意' },
          { field: 'colour', value: 'red' },
          { field: 'title', value: 'ok' },
          { field: 'contact.postcode', value: 'x' },
        ],
        config,
      ),
    );
    expect(issueKeys(issues)).toEqual({ result: 'field.notAllowed', colour: 'field.notEditable', 'contact.postcode': 'contact.badPostcode' });
  });
});

describe('the marks above the 标志 and the 附注 (GB/T 9704 7.2.1–7.2.3, 7.3.7)', () => {
  it('files them from an answers file, 附注 without the brackets it prints in', () => {
    const reply = build({ copyNo: '000001', secrecy: '秘密★1年', urgency: '加急', annotation: '（此件公开发布）' });
    expect(reply.classification).toEqual({ copyNo: '000001', secrecy: '秘密★1年', urgency: '加急' });
    expect(reply.annotation).toBe('此件公开发布');
    expect(build({})).toMatchObject({ classification: {}, annotation: null });
  });

  it('refuses what the standard does not allow, naming each field at once', () => {
    const issues = issuesOf(() => build({ copyNo: '第1份', secrecy: '内部', urgency: '急' }));
    expect(issueKeys(issues)).toEqual({ 'copy-no': 'field.badCopyNo', secrecy: 'field.badSecrecy', urgency: 'field.badUrgency' });
    expect(issueKeys(issuesOf(() => edit('copy-no', '0000001')))).toEqual({ 'copy-no': 'field.badCopyNo' });
  });

  it('takes each of them away with an empty value, the others kept', () => {
    const marked = applyEdits(filed(), [{ field: 'copy-no', value: '12' }, { field: 'urgency', value: '特急' }, { field: 'annotation', value: '此件公开发布' }], config);
    expect(edit('copy-no', '', marked).classification).toEqual({ urgency: '特急' });
    expect(edit('annotation', ' ', marked).annotation).toBeNull();
  });
});
