import { describe, expect, it } from 'vitest';
import { readReply, type Reading } from '../../../src/core/reader/read.js';
import { EXPECTED, WILD_FILES, wild, type Expected } from '../../helpers/wild.js';

/** What the reader read of each field a person reads, as expected.json names it; printed values only. */
export function fieldsOf(r: Reading): Expected {
  const printed = <T>(f: { value: T; how: string } | undefined): T | undefined => (f?.how === 'printed' ? f.value : undefined);
  const fields: Record<string, string | undefined> = {
    who: r.proposers[0]?.name,
    no: r.proposalNo?.value,
    date: printed(r.signedOn),
    doc: r.docNumber?.value.toString(),
    kind: r.kind.value,
    organ: printed(r.organ),
    session: r.session?.value,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

describe('the tolerant reader reads every field a person reads in real replies of other offices', () => {
  it('has the whole sample (21 replies)', () => {
    expect(WILD_FILES).toHaveLength(21);
    expect(Object.keys(EXPECTED).sort()).toEqual([...WILD_FILES]);
  });

  for (const file of WILD_FILES) {
    it(`${file.slice(0, 2)}: every field of expected.json, and none it does not name`, () => {
      const reading = readReply(wild(file));
      expect(reading.verdict.reply).toBe(true);
      expect(fieldsOf(reading)).toEqual(EXPECTED[file]);
    });
  }
});

describe('what the reader only infers is marked so, never passed off as printed', () => {
  it('takes the organ of a reply signed by no line from its title, and says so (10: 武定县农业农村局)', () => {
    const r = readReply(wild('10_yunnan-wuding-nyncj-rd-53-2020.txt'));
    expect(r.organ).toMatchObject({ value: '武定县农业农村局', how: 'inferred' });
  });

  it('takes the organ from an unlabelled info list when nothing else names it (17: 新郑市公安局)', () => {
    const r = readReply(wild('17_henan-xinzheng-gaj-zx-94-2020.txt'));
    expect(r.organ).toMatchObject({ value: '新郑市公安局', how: 'inferred' });
  });

  it('never takes a publication date (发布日期, 日期) for the signing date', () => {
    for (const file of ['02_yunnan-zhenkang-nyncj-rd-0038-2025.txt', '10_yunnan-wuding-nyncj-rd-53-2020.txt', '13_yunnan-anning-jtj-rd-28-2018.txt', '20_zhejiang-qujiang-slj-zx-62-2023.txt']) {
      expect(readReply(wild(file)).signedOn, file).toBeUndefined();
    }
  });

  it('reports a damaged date (2018717, 20211026) as unreadable, and guesses none', () => {
    const hekou = readReply(wild('08_yunnan-hekou-jyj-rd-74-2018.txt'));
    expect(hekou.signedOn).toBeUndefined();
    expect(hekou.dateUnreadable?.text).toBe('2018717');
    expect(readReply(wild('23_shaanxi-zhenping-wlgdj-zx-86-2021.txt')).dateUnreadable?.text).toBe('20211026');
  });

  it('reads an anonymised addressee (XX委員) as nobody, but still as a 委员', () => {
    const r = readReply(wild('29_sichuan-panzhihua-fgw-zx-144-2021.txt'));
    expect(r.addressee).toMatchObject({ value: 'XX委員', anonymised: true, role: '委员' });
    expect(r.proposers).toEqual([]);
  });
});

describe('the body lies between the addressee and the signature', () => {
  it('keeps the page chrome, the info table and the printed titles out of the body', () => {
    for (const file of WILD_FILES) {
      const r = readReply(wild(file));
      const body = r.body.map((p) => p.text).join('\n');
      expect(body, file).not.toMatch(/索引号|索引號|浏览次数|發布時間|发布时间:|发文字号/u);
      for (const n of r.titleLines) expect(r.body.some((p) => p.line === n), file).toBe(false);
    }
  });

  it('starts with the opening printed after the addressee on the same line (11: 罗元代表:你提出的…)', () => {
    const r = readReply(wild('11_yunnan-yaoan-swj-rd-49-2023.txt'));
    expect(r.body[0]!.text).toMatch(/^你提出的“关于治理蜻蛉河源头项目列项的议案”/u);
  });

  it('ends above the signature, and takes the proposal text printed after it on the page as no part of the reply (34)', () => {
    const r = readReply(wild('34_shandong-gaoqing-jtj-zx-084-2025.txt'));
    expect(r.body.at(-1)!.text).toMatch(/感谢您对我们工作的关注和支持/u);
    expect(r.body.some((p) => p.text.startsWith('建议:'))).toBe(false);
  });

  it('keeps the whole text of a copy cut off mid-word (02, 10)', () => {
    expect(readReply(wild('10_yunnan-wuding-nyncj-rd-53-2020.txt')).body.at(-1)!.text).toBe('整治农村环');
    expect(readReply(wild('02_yunnan-zhenkang-nyncj-rd-0038-2025.txt')).body.at(-1)!.text).toMatch(/占据重要地$/u);
  });
});

describe('the reader says what else the page tells', () => {
  it('reads the doc number from the info table only (10: 武农复〔2020〕11号), and not a non-standard one (22: 2022-92)', () => {
    expect(readReply(wild('10_yunnan-wuding-nyncj-rd-53-2020.txt')).docNumber?.value.toString()).toBe('武农复〔2020〕11号');
    expect(readReply(wild('22_chongqing-shengdengshan-zzf-rd-9-2022.txt')).docNumber).toBeUndefined();
  });

  it('reads 签发人, 索引号 and 公开方式 from the page', () => {
    expect(readReply(wild('23_shaanxi-zhenping-wlgdj-zx-86-2021.txt')).signer?.value).toBe('龙英');
    const qujiang = readReply(wild('20_zhejiang-qujiang-slj-zx-62-2023.txt'));
    expect(qujiang.indexNo?.value).toBe('330803-034/2023-72285');
    expect(qujiang.disclosure?.value).toBe('主动公开');
  });

  it('reads the contact in its forms: after the date, in parentheses, name and phone under one label', () => {
    const contact = (file: string) => Object.fromEntries(readReply(wild(file)).contact.map((c) => [c.key, c.value]));
    expect(contact('04_yunnan-maguan-jtj-rd-124-2023.txt')).toEqual({ name: '杨谦堂', phone: '15126801666' });
    expect(contact('05_yunnan-maguan-jyj-rd-201-2015.txt')).toEqual({ name: '尹定超', phone: '7122804' });
    expect(contact('07_yunnan-longling-jytyj-rd-nonum-2019.txt')).toEqual({ name: '何茂云', phone: '6121966' });
    expect(contact('22_chongqing-shengdengshan-zzf-rd-9-2022.txt')).toEqual({ name: '刘永红', phone: '17782323448' });
    expect(contact('25_guizhou-xifeng-unsigned-rd-nonum-2017.txt')).toEqual({ name: '夏五洲' });
    expect(contact('14_yunnan-panmao-xzf-rd-nonum-2022.txt')).toEqual({ phone: '0878-5391021' });
  });

  it('says a copy was normalised when it has not one full-width ，：（）；', () => {
    for (const file of WILD_FILES) expect(readReply(wild(file)).normalised, file).toBe(true);
  });

  it('refuses nothing of the sample as "not a reply"', () => {
    for (const file of WILD_FILES) expect(readReply(wild(file)).verdict, file).toMatchObject({ reply: true });
  });
});
