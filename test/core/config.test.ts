import { describe, expect, it } from 'vitest';
import { configTemplate, DEFAULT_DISCLOSURES, DEFAULT_RESULTS, parseConfig } from '../../src/core/config.js';
import { ReplyError, ValidationError } from '../../src/core/errors.js';
import { DEFAULT_CONTACT_LABELS } from '../../src/core/reply.js';
import { replyErrorOf, workspaceConfig } from './support.js';

const FILE = '/office/reply.config.json';
const minimal = '{ "organ": "上海市普陀区发展和改革委员会", "docPrefix": "普发改委" }';

describe('parseConfig reads commented JSON', () => {
  it('accepts line and block comments', () => {
    const source = `// 工作区配置
{
  /* 发文机关 */
  "organ": "上海市普陀区发展和改革委员会", // 全称
  "docPrefix": "普发改委"
}`;
    expect(parseConfig(source, FILE).organ).toBe('上海市普陀区发展和改革委员会');
  });

  it('accepts trailing commas', () => {
    const source = '{ "organ": "某局", "docPrefix": "某", "cc": ["甲", "乙",], }';
    expect(parseConfig(source, FILE).cc).toEqual(['甲', '乙']);
  });

  it('reads the test workspace config, which has both', () => {
    expect(workspaceConfig('workspace')).toMatchObject({ organ: '上海市普陀区发展和改革委员会', docPrefix: '普发改委' });
  });
});

describe('parseConfig applies defaults', () => {
  const c = parseConfig(minimal, FILE);

  it('derives the header 「organ + 文件」', () => {
    expect(c.header).toBe('上海市普陀区发展和改革委员会文件');
  });

  it('prints with the organ itself', () => {
    expect(c.printingOrgan).toBe('上海市普陀区发展和改革委员会');
  });

  it('numbers a reply when it is signed, unless the office says it numbers its drafts', () => {
    expect(c.numbering).toBe('sign');
    expect(parseConfig('{ "organ": "某局", "docPrefix": "某", "numbering": "draft" }', FILE).numbering).toBe('draft');
  });

  it('has no contact and the default contact labels', () => {
    expect(c.contact).toEqual({});
    expect(c.contactLabels).toEqual(DEFAULT_CONTACT_LABELS);
  });

  it('allows the default results and disclosures', () => {
    expect(c.results).toEqual([...DEFAULT_RESULTS]);
    expect(c.disclosures).toEqual([...DEFAULT_DISCLOSURES]);
    expect(c.results).toEqual(['解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考']);
    expect(c.disclosures).toContain('主动公开·全文');
  });

  it('copies nobody', () => {
    expect(c.cc).toEqual([]);
  });

  it('trims organ and prefix', () => {
    expect(parseConfig('{ "organ": " 某局 ", "docPrefix": " 某 " }', FILE)).toMatchObject({ organ: '某局', docPrefix: '某', header: '某局文件' });
  });
});

describe('parseConfig takes the values given', () => {
  it('reads header false as no header', () => {
    expect(parseConfig('{ "organ": "某局", "docPrefix": "某", "header": false }', FILE).header).toBeNull();
  });

  it('keeps a header given as text', () => {
    expect(parseConfig('{ "organ": "某局", "docPrefix": "某", "header": "某某文件" }', FILE).header).toBe('某某文件');
  });

  it('reads the government workspace: its printing organ and two contact labels', () => {
    const c = workspaceConfig('workspace-government');
    expect(c.printingOrgan).toBe('上海市普陀区人民政府办公室');
    expect(c.contactLabels).toEqual({ name: '联系人', phone: '联系电话', address: '联系地址', postcode: '邮政编码' });
  });

  it('drops blank contact fields', () => {
    const c = parseConfig('{ "organ": "某局", "docPrefix": "某", "contact": { "name": "宋佩颖", "phone": " ", "postcode": "" } }', FILE);
    expect(c.contact).toEqual({ name: '宋佩颖' });
  });

  it('takes its own results, disclosures and cc', () => {
    const c = parseConfig('{ "organ": "某局", "docPrefix": "某", "results": ["A类"], "disclosures": ["公开"], "cc": ["区政协提案委"] }', FILE);
    expect([c.results, c.disclosures, c.cc]).toEqual([['A类'], ['公开'], ['区政协提案委']]);
  });
});

describe('parseConfig names the key at fault', () => {
  it('refuses a missing organ (config.missingKey, key organ)', () => {
    const error = replyErrorOf(() => parseConfig('{ "docPrefix": "普发改委" }', FILE));
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error.key).toBe('config.missingKey');
    expect(error.params).toEqual({ file: FILE, key: 'organ' });
  });

  it('refuses a missing docPrefix (config.missingKey, key docPrefix)', () => {
    const error = replyErrorOf(() => parseConfig('{ "organ": "某局" }', FILE));
    expect([error.key, error.params.key]).toEqual(['config.missingKey', 'docPrefix']);
  });

  it('refuses an unknown key (config.unknownKey)', () => {
    const error = replyErrorOf(() => parseConfig('{ "organ": "某局", "docPrefix": "某", "colour": "red" }', FILE));
    expect([error.key, error.params]).toEqual(['config.unknownKey', { file: FILE, key: 'colour' }]);
  });

  it('names a nested unknown key by its path (contact.fax)', () => {
    const error = replyErrorOf(() => parseConfig('{ "organ": "某局", "docPrefix": "某", "contact": { "fax": "1" } }', FILE));
    expect([error.key, error.params.key]).toEqual(['config.unknownKey', 'contact.fax']);
  });

  it.each([
    ['"organ": "", "docPrefix": "某"', 'organ'],
    ['"organ": 12, "docPrefix": "某"', 'organ'],
    ['"organ": "某局", "docPrefix": "某1"', 'docPrefix'],
    ['"organ": "某局", "docPrefix": "某", "header": true', 'header'],
    ['"organ": "某局", "docPrefix": "某", "contact": { "postcode": "2000" }', 'contact.postcode'],
    // a bad phone is the config's, not blamed on a field of reply new
    ['"organ": "某局", "docPrefix": "某", "contact": { "phone": "abc电话" }', 'contact.phone'],
    ['"organ": "某局", "docPrefix": "某", "results": []', 'results'],
    ['"organ": "某局", "docPrefix": "某", "cc": ["甲", " "]', 'cc.1'],
  ])('refuses the bad value in { %s } (config.badValue, key %s)', (members, key) => {
    const error = replyErrorOf(() => parseConfig(`{ ${members} }`, FILE));
    expect([error.key, error.params.key]).toEqual(['config.badValue', key]);
  });

  it('refuses a file that is not an object', () => {
    expect(replyErrorOf(() => parseConfig('[]', FILE)).key).toBe('config.badValue');
  });
});

describe('parseConfig reports a syntax error with its line', () => {
  it('gives the line of a single-quoted string (config.syntax)', () => {
    const source = ['// 配置', '{', "  \"organ\": '某局',", '  "docPrefix": "某"', '}'].join('\n');
    const error = replyErrorOf(() => parseConfig(source, FILE));
    expect(error).toBeInstanceOf(ReplyError);
    expect(error.key).toBe('config.syntax');
    expect(error.params).toMatchObject({ file: FILE, line: 3 });
    expect(error.params.reasonKey).toBe('jsonc.InvalidSymbol');
  });

  it('gives the line where a missing comma is noticed', () => {
    const source = ['{', '  "organ": "某局"', '  "docPrefix": "某"', '}'].join('\n');
    expect(replyErrorOf(() => parseConfig(source, FILE)).params).toMatchObject({ line: 3 });
  });

  it('refuses an unclosed object', () => {
    expect(replyErrorOf(() => parseConfig('{ "organ": "某局",\n"docPrefix": "某"\n', FILE)).key).toBe('config.syntax');
  });
});

describe('configTemplate writes a config that parseConfig reads back', () => {
  const source = configTemplate({ organ: '上海市普陀区人民政府', docPrefix: '普府' });
  const c = parseConfig(source, FILE);

  it('keeps organ and prefix', () => {
    expect([c.organ, c.docPrefix]).toEqual(['上海市普陀区人民政府', '普府']);
  });

  it('spells out the defaults', () => {
    expect(c).toMatchObject({
      header: '上海市普陀区人民政府文件',
      printingOrgan: '上海市普陀区人民政府',
      contact: {},
      contactLabels: DEFAULT_CONTACT_LABELS,
      results: [...DEFAULT_RESULTS],
      disclosures: [...DEFAULT_DISCLOSURES],
      cc: [],
    });
  });

  it('explains its keys in comments', () => {
    expect(source).toMatch(/^\/\/ /);
    expect(source).toContain('普府〔2023〕16号');
  });
});

describe('parseConfig reads what Windows Notepad saves, and refuses what is no config in one line', () => {
  it('reads a UTF-8 config that starts with a byte order mark', () => {
    expect(parseConfig('\uFEFF{ "organ": "某局", "docPrefix": "某" }', FILE).organ).toBe('某局');
  });

  it('refuses a config nested thousands deep, without overflowing the stack', () => {
    const deep = `{ "organ": "某局", "docPrefix": "某", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`;
    expect(replyErrorOf(() => parseConfig(deep, FILE)).key).toBe('config.tooDeep');
  });

  it('counts no bracket inside a string or a comment', () => {
    const source = `{ "organ": "某局${'['.repeat(50)}", "docPrefix": "某" /* ${'{'.repeat(50)} */ }\n// ${'['.repeat(50)}\n`;
    expect(parseConfig(source, FILE).organ).toBe(`某局${'['.repeat(50)}`);
  });
});
