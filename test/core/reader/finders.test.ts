import { describe, expect, it } from 'vitest';
import { findAddressees, proposersOf } from '../../../src/core/reader/addressee.js';
import { docNumberOfLine } from '../../../src/core/reader/doc-number.js';
import { findInfoTable, infoValue } from '../../../src/core/reader/info.js';
import { toLines } from '../../../src/core/reader/lines.js';
import { findOpenings, firstOpening, kindWordIn, numberIn, proposalTitleOf } from '../../../src/core/reader/opening.js';
import { isNormalisedCopy, restorePunctuation } from '../../../src/core/reader/punctuation.js';
import { contactItems, dateOfLine, isDamagedDate, isOrganLine } from '../../../src/core/reader/tail.js';
import { findTitles } from '../../../src/core/reader/title.js';
import { readReply } from '../../../src/core/reader/read.js';
import { parsePublished } from '../../../src/core/published.js';
import { findSessions, sameSession, sessionKey } from '../../../src/core/session.js';

const titleOf = (text: string) => findTitles(toLines(text), Infinity)[0]?.text;

describe('the session finder reads every wording of a sitting, and knows when two name the same one', () => {
  it.each([
    ['对区政协十五届二次会议 第152104号提案的答复', '区政协十五届二次会议', '政协:区:15:2'],
    ['政协上海市普陀区第十五届委员会第二次会议期间', '政协上海市普陀区第十五届委员会第二次会议', '政协:区:15:2'],
    ['普陀区政协十五届二次会议', '普陀区政协十五届二次会议', '政协:区:15:2'],
    ['马关县交通运输局关于马关县第十八届人大二次会议第124号建议的答复函', '马关县第十八届人大二次会议', '人大:县:18:2'],
    ['你们在镇康县第十八届人民代表大会第四次会议期间提出的', '镇康县第十八届人民代表大会第四次会议', '人大:县:18:4'],
    ['你们在河口县十四届人大第2次会议上提出的', '河口县十四届人大第2次会议', '人大:县:14:2'],
    ['您在蟠貓鄉(xiāng)十三屆人大一次會(huì)議上提出的', '蟠貓鄉(xiāng)十三屆人大一次會(huì)議', '人大:乡:13:1'],
    ['攀枝花市發展和改革委員會對市政協九屆五次會議第144號提案答復的函', '市政協九屆五次會議', '政协:市:9:5'],
    ['对商丘市梁园区六届人大一次会议第8号议案(建议)的答复', '商丘市梁园区六届人大一次会议', '人大:区:6:1'],
  ])('%s → %s', (text, printed, key) => {
    const [m] = findSessions(text);
    expect(m).toMatchObject({ text: printed, key });
  });

  it('finds no session where the body is not named (第十一屆委員會 with 政协 lost to mojibake)', () => {
    expect(findSessions('你們?cè)谡f(xié)鎮(zhèn)康縣第十一屆委員會(huì)第二次會(huì)議期間')).toEqual([]);
  });

  it('takes three wordings of the Putuo session as one, and a 人大 sitting of the same numbers as another', () => {
    expect(sameSession('区政协十五届二次会议', '政协上海市普陀区第十五届委员会第二次会议')).toBe(true);
    expect(sameSession('普陀区政协十五届二次会议', '区政协十五届二次会议')).toBe(true);
    expect(sameSession('区政协十五届二次会议', '区政协十五届三次会议')).toBe(false);
    expect(sameSession('区政协十五届二次会议', '区第十五届人民代表大会第二次会议')).toBe(false);
    expect(sessionKey('会议')).toBeNull();
  });
});

describe('the title finder reads every form of a reply title', () => {
  it.each([
    ['对区政协十五届二次会议 第152104号提案的答复'],
    ['关于对市政协五届四次会议第94号提案答复的函'],
    ['镇康县农业农村局关于对镇康县第十八届 人民代表大会第四次会议代表第0038号 建议的答复函'],
    ['安宁市交通运输局关于对安宁市人大六届二次会议第28号 建议、批评和意见的答复'],
    ['镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函'],
    ['攀枝花市發展和改革委員會對市政協九屆五次會議第144號提案答復的函'],
    ['对《关于开通上海路北延公交路线的提案》的答复(县政协十五届四次会议第084号提案)'],
    ['对市政协十四届三次会议 第0690号提案的会办意见'],
    ['关于区政协十五届二次会议第152001号提案的协办意见'],
    ['关于市人大十六届一次会议第JY100012050700号代表建议的再次答复'],
  ])('%s', (title) => {
    expect(titleOf(`${title}\n\n朱莺委员：`)).toBe(title);
  });

  it('joins a title split over two or three lines', () => {
    expect(titleOf('关于对周村区第十八届人民代表大会\n第四次会议第44号代表建议、批评和意见的答复\n张秀霞代表:')).toBe(
      '关于对周村区第十八届人民代表大会第四次会议第44号代表建议、批评和意见的答复',
    );
    expect(titleOf('重庆市巴南区圣灯山镇人民政府\n关于圣灯山镇第二十届人民代表大会第一次\n会议第9号建议的复函\n贾家鑫代表:')).toBe(
      '重庆市巴南区圣灯山镇人民政府关于圣灯山镇第二十届人民代表大会第一次会议第9号建议的复函',
    );
  });

  it('takes no sentence, no label and no headline for a title', () => {
    expect(titleOf('您提出的关于完善设施的建议已收悉，现答复如下：')).toBeUndefined();
    expect(titleOf('名 称: 安宁市交通运输局关于对安宁市人大六届二次会议第28号 建议、批评和意见的答复')).toBeUndefined();
    expect(titleOf('深耕长三角一体化,普陀区打造数字化与产城融合新高地')).toBeUndefined();
  });
});

describe('the number and the kind', () => {
  it.each([
    ['第152104号', '152104'],
    ['第 14 号', '14'],
    ['第0038号', '0038'],
    ['第144號提案', '144'],
    ['第JY100012050700号', 'JY100012050700'],
  ])('%s → %s', (text, n) => expect(numberIn(text)?.value).toBe(n));

  it.each([
    ['…第201号建议的答复函', '建议答复'],
    ['…第8号议案(建议)的答复', '建议答复'],
    ['…第86号提案办理情况的复函', '提案答复'],
    ['…第0690号提案的会办意见', '会办意见'],
    ['…提案的协办意见', '会办意见'],
    ['对《关于开通公交路线的建议》的提案的答复', '提案答复'],
  ])('%s → %s', (text, kind) => expect(kindWordIn(text)).toBe(kind));
});

describe('the addressee finder', () => {
  const one = (text: string) => findAddressees(toLines(text), new Set())[0];

  it.each([
    ['朱莺委员：\n您提出的', '朱莺委员', [{ name: '朱莺', role: '委员' }]],
    ['杨文强等3名代表:\n你们在', '杨文强等3名代表', [{ name: '杨文强', role: '代表' }]],
    ['姜欣(等10位)代表:\n您提出的', '姜欣(等10位)代表', [{ name: '姜欣', role: '代表' }]],
    ['马青、周丽等委员：\n你们提出的', '马青、周丽等委员', [{ name: '马青', role: '委员' }, { name: '周丽', role: '委员' }]],
    ['尊敬的曹红伟等代表:\n您提出的', '尊敬的曹红伟等代表', [{ name: '曹红伟', role: '代表' }]],
    ['经济委员会：\n贵单位提出的', '经济委员会', [{ name: '经济委员会', role: '集体' }]],
    ['朱莺委员\n您提出的《测试》的提案收悉', '朱莺委员', [{ name: '朱莺', role: '委员' }]],
  ])('%s', (text, printed, proposers) => {
    expect(one(text)).toMatchObject({ text: printed, proposers });
  });

  it('reads the opening printed on the addressee line', () => {
    expect(one('罗元代表:你提出的“关于治理蜻蛉河源头项目列项的议案”,已交由我局研究办理')).toMatchObject({ text: '罗元代表', rest: expect.stringMatching(/^你提出的/u) });
  });

  it('takes a label and its value for no addressee', () => {
    expect(one('提案人:伏正洪\n内 容:')).toBeUndefined();
    expect(one('主办单位: 高青县交通运输局\n答复时间: 2025-04-08')).toBeUndefined();
    expect(one('签发人:龙英\n冯万玖委员:')?.text).toBe('冯万玖委员');
  });

  it('splits joint deputies before a shared role', () => {
    expect(proposersOf('李开祥、杨金慧、汤继波、王梅代表', '代表').map((p) => p.name)).toEqual(['李开祥', '杨金慧', '汤继波', '王梅']);
  });
});

describe('the opening', () => {
  it('finds the reply formula in its variants', () => {
    const lines = toLines('您提出的提案收悉，现答复如下：\n已交由我局办理。现将办理情况答复如下:\n现将会办意见函告如下：\n經(jīng)研究,答復(fù)如下:\n一、基本情况');
    expect([...findOpenings(lines)].map((o) => o.line)).toEqual([1, 2, 3, 4]);
    expect([...findOpenings(lines, 2)].map((o) => o.line)).toEqual([3, 4]);
    expect(firstOpening(lines, 3)?.line).toBe(4);
    expect(firstOpening(lines, 4)).toBeUndefined();
  });

  it.each([
    ['您提出的《开发长三角一体化智能数据图表研报平台的建议》的提案收悉', '开发长三角一体化智能数据图表研报平台的建议'],
    ['贵单位提出的关于抢抓新赛道、发展“未来产业”的提案收悉', '关于抢抓新赛道、发展“未来产业”'],
    ['你提出的“关于解决八寨镇交浪健油路公路硬化的建设”,已交我局研究办理', '关于解决八寨镇交浪健油路公路硬化的建设'],
    ['您提出的关于进一步治理农村环境污染的建议,已交我们研究办理', '关于进一步治理农村环境污染'],
    ['关于您的提案，现答复如下：', undefined],
  ])('%s → %s', (opening, title) => expect(proposalTitleOf(opening)).toBe(title));
});

describe('the info table, in every shape portals print it', () => {
  const table = (text: string) => findInfoTable(toLines(text), Infinity);

  it('one label and value per line, several on a line, labels with blanks inside', () => {
    const t = table('索  引  号:11532329015178442p-/2020-1201010 公文范围:公开 发布机构:武定县政府办 失效日期: 发文字号:武农复〔2020〕11号 发布日期:2020年09月16日');
    expect(infoValue(t, '发文字号')?.value).toBe('武农复〔2020〕11号');
    expect(infoValue(t, '发布机构')?.value).toBe('武定县政府办');
    expect(infoValue(t, '失效日期')).toBeUndefined();
  });

  it('an empty field whose blank a copy lost: the next label straight after its colon (失效日期:发文字号:…)', () => {
    const t = table('公文范围:公开 失效日期:发文字号:武农复〔2020〕11号 主题词:');
    expect(infoValue(t, '发文字号')?.value).toBe('武农复〔2020〕11号');
    expect(infoValue(t, '失效日期')).toBeUndefined();
  });

  it('a pipe table, in brackets, in traditional script', () => {
    expect(infoValue(table('[ 索引号 ] | 11500113009308802A/2022-00028 | [ 发文字号 ] | 2022-92 |'), '发文字号')?.value).toBe('2022-92');
    expect(infoValue(table('| 索引號 | 01526265-2-/2019-0628001 | 發布機構 | 龍陵縣教育體育局 |'), '发布机构')?.value).toBe('龍陵縣教育體育局');
    expect(infoValue(table('索引号: | -lyqrmzf-00000915 | 发布机构: | |'), '索引号')?.value).toBe('-lyqrmzf-00000915');
  });

  it('a label on one line and its value on the next; an empty field before the next label', () => {
    const t = table('索引号\nzkx_nyncj/2025-00019\n发布机构\n县农业农村局\n文  号\n日期\n2025-12-16');
    expect(infoValue(t, '发布机构')?.value).toBe('县农业农村局');
    expect(infoValue(t, '文号')).toBeUndefined();
    expect(infoValue(t, '日期')?.value).toBe('2025-12-16');
    expect(t.lines.size).toBe(7);
  });

  it('a line that lost every blank, as a scan reads it: a long label with its colon parts the fields all the same', () => {
    const t = table('索引号:11532329015178442p-/2020-1201010公文范围:公开发布机构:武定县政府办失效日期:发文字号:武农复[2020]11号主题词:标题:某某的答复');
    expect(infoValue(t, '发文字号')?.value).toBe('武农复[2020]11号');
    expect(infoValue(t, '发布机构')?.value).toBe('武定县政府办');
    expect(infoValue(t, '公文范围')?.value).toBe('公开');
  });

  it('a count label alone takes only a number on the next line as its value, not the addressee under it', () => {
    expect(infoValue(table('浏览次数:\n1024'), '浏览次数')?.value).toBe('1024');
    const t = table('浏览次数:\n李开祥、杨金慧代表\n你们提出的建议收悉。');
    expect(infoValue(t, '浏览次数')).toBeUndefined();
    expect(t.lines.has(2)).toBe(false);
  });

  it('an unlabelled bullet list, and a site name before the page line', () => {
    expect(table('• 055299515/2020-00046\n  • 新郑市公安局').bullets.map((b) => b.value)).toEqual(['055299515/2020-00046', '新郑市公安局']);
    expect(infoValue(table('coffeezulin.com 發布時間:2021-12-20 來源:市目標績效辦 閱讀次數:'), '来源')?.value).toBe('市目標績效辦');
  });
});

describe('the doc number above the body', () => {
  it.each([
    ['普发改委〔2023〕16号', '普发改委〔2023〕16号', undefined],
    ['普发改委[2023]16号', '普发改委〔2023〕16号', undefined],
    ['沪发改〔2020〕3号（A类）', '沪发改〔2020〕3号', 'A'],
    ['沪发改〔2020〕3号(B类)', '沪发改〔2020〕3号', 'B'],
  ])('%s', (line, number, resultClass) => {
    const found = docNumberOfLine(line);
    expect(found?.value.toString()).toBe(number);
    expect(found?.resultClass).toBe(resultClass);
  });

  it('takes no sentence and no bare year-serial for a doc number', () => {
    expect(docNumberOfLine('2022-92')).toBeUndefined();
    expect(docNumberOfLine('根据普府〔2023〕5号文件')).toBeUndefined();
  });
});

describe('the tail: dates, organs and contact', () => {
  it.each([
    ['2023年5月18日', '2023-05-18'],
    ['2025 年 3 月 6 日', '2025-03-06'],
    ['2025年 4 月 8日', '2025-04-08'],
    ['二〇二二年六月二十日', '2022-06-20'],
    ['二0一七年五月二十六日', '2017-05-26'],
    ['2024年2月30日', undefined],
  ])('%s → %s', (text, date) => expect(dateOfLine(text)).toBe(date));

  it('knows a date that lost its 年/月/日 as damaged', () => {
    expect(isDamagedDate('2018717')).toBe(true);
    expect(isDamagedDate('20211026')).toBe(true);
    expect(isDamagedDate('2018年7月17日')).toBe(false);
  });

  it('knows an organ line from a sentence', () => {
    expect(isOrganLine('鎮(zhèn)康縣交通運(yùn)輸局')).toBe(true);
    expect(isOrganLine('重庆市巴南区圣灯山镇人民政府')).toBe(true);
    expect(isOrganLine('以上规划需逐步落实。')).toBe(false);
    expect(isOrganLine('注:“主动公开”。')).toBe(false);
  });

  it.each([
    ['联系人姓名：宋佩颖', { name: '宋佩颖' }],
    ['联 系 人：张三', { name: '张三' }],
    ['联系人及电话:杨谦堂,15126801666', { name: '杨谦堂', phone: '15126801666' }],
    ['(联系人及电话:魏冬 0871-63512057)', { name: '魏冬', phone: '0871-63512057' }],
    ['(聯系人:何茂云,聯系電話:6121966)', { name: '何茂云', phone: '6121966' }],
    ['(联系人:李华祥   联系电话:1*******466', { name: '李华祥', phone: '1*******466' }],
    ['聯系電話(huà):0878-5391021', { phone: '0878-5391021' }],
    ['通讯地址：大渡河路1668号  邮政编码：200333', { address: '大渡河路1668号', postcode: '200333' }],
  ])('%s', (line, contact) => {
    expect(Object.fromEntries(contactItems(line).map((c) => [c.key, c.value]))).toEqual(contact);
  });

  it('takes a sentence that mentions a phone for no contact line', () => {
    expect(contactItems('如您还有其他疑问，可拨打客运科电话0533-6961060向我们反映')).toEqual([]);
  });
});

describe('punctuation of a normalised copy', () => {
  it('knows a copy with not one full-width mark from one that has them', () => {
    expect(isNormalisedCopy('现答复如下:一是加强,二是推进。')).toBe(true);
    expect(isNormalisedCopy('现答复如下：一是加强，二是推进(上海)。')).toBe(false);
  });

  it('restores full width in Chinese context only', () => {
    expect(restorePunctuation('现答复如下:一是加强,二是推进;三是(以下简称《建议》)完成!')).toBe('现答复如下：一是加强，二是推进；三是（以下简称《建议》）完成！');
    expect(restorePunctuation('时间:2023-12-28 17:42')).toBe('时间：2023-12-28 17:42');
    expect(restorePunctuation('鎮(zhèn)康縣')).toBe('鎮(zhèn)康縣');
    expect(restorePunctuation('共1,000户')).toBe('共1,000户');
    expect(restorePunctuation('你們?cè)谡f')).toBe('你們?cè)谡f');
  });
});

describe('the resolver on the forms the sample does not show', () => {
  const reply = (head: string, tail = '上海市普陀区发展和改革委员会\n2023年5月18日') =>
    `${head}\n对区政协十五届二次会议 第152104号提案的答 复\n朱莺委员：\n您提出的《测试》的提案收悉，现答复如下：\n一、情况\n已经办理。\n${tail}`;

  it('reads a title with a blank inside a word (答 复)', () => {
    expect(readReply(reply('')).title?.value).toBe('对区政协十五届二次会议 第152104号提案的答 复');
    expect(readReply(reply('')).proposalNo?.value).toBe('152104');
  });

  it('reads a doc number that a narrow cell of the info table wrapped over three lines', () => {
    const r = readReply(reply('发文字号\n普发改委〔2023〕\n16号'));
    expect(r.docNumber).toMatchObject({ text: '普发改委〔2023〕16号', how: 'printed' });
    expect(r.docNumber?.value.toString()).toBe('普发改委〔2023〕16号');
  });

  it('takes 成文日期 of the info table when no date is printed below the body, as inferred', () => {
    const r = readReply(reply('成文日期: 2019-10-14', '上海市普陀区发展和改革委员会'));
    expect(r.signedOn).toMatchObject({ value: '2019-10-14', how: 'inferred' });
  });

  it('maps a result class (A类 after the doc number, or as 办理结果) through the table, the office\'s own if it has one', () => {
    const classed = parsePublished(reply('沪发改〔2020〕3号（B类）'));
    expect(classed.ok && classed.reply.result).toBe('列入计划拟解决');
    const labelled = parsePublished(reply('办理结果：A类'), { resultClasses: { A: '采纳解决' } });
    expect(labelled.ok && labelled.reply.result).toBe('采纳解决');
  });

  it('reads 联系单位及电话 and takes the unit for the name', () => {
    expect(Object.fromEntries(contactItems('联系单位及电话：区交通局 0871-1234567').map((c) => [c.key, c.value]))).toEqual({
      name: '区交通局',
      phone: '0871-1234567',
    });
  });

  it('takes a doc number cited in the body for no doc number of the reply', () => {
    const r = readReply(reply('').replace('已经办理。', '根据普府〔2023〕5号文件，已经办理。'));
    expect(r.docNumber).toBeUndefined();
  });
});
