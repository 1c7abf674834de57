import { isPhoneList, isPostcode } from './phone.js';
import { MAX_JSON_DEPTH, readJsonText } from './json-text.js';
import { z } from 'zod';
import { ReplyError } from './errors.js';
import { DEFAULT_CONTACT_LABELS, type Contact, type ContactKey, type ContactLabels } from './reply.js';
import { DocNumber } from './doc-number.js';
import { STYLES, type DocStyle } from './style.js';

/** The fonts of the official layout, by role; offices without the _GB2312 fonts name others. */
export interface Fonts {
  /** 正文 */
  readonly fangsong: string;
  /** 一级标题 */
  readonly heiti: string;
  /** 二级标题 */
  readonly kaiti: string;
  /** 发文机关标志、标题 */
  readonly xiaobiaosong: string;
  /** 页码 */
  readonly songti: string;
  /** Latin letters and digits */
  readonly latin: string;
}

export const DEFAULT_FONTS: Fonts = {
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
  latin: 'Times New Roman',
};

/** The office's settings, as read from reply.config.json with defaults applied. */
export interface Config {
  readonly organ: string;
  readonly docPrefix: string;
  /** 发文机关标志, or null when the office prints none. */
  readonly header: string | null;
  readonly printingOrgan: string;
  readonly contact: Contact;
  readonly contactLabels: ContactLabels;
  readonly results: readonly string[];
  /** 办理结果 printed as a class (A类, B类, C类) in other offices' replies: the result each class means. */
  readonly resultClasses: Readonly<Record<string, string>>;
  readonly disclosures: readonly string[];
  readonly cc: readonly string[];
  readonly fonts: Fonts;
  readonly handling: Handling;
  /**
   * When a reply gets its doc number: 'sign', when it is signed (登记编号 after 签发, as an office
   * numbers its documents: a draft abandoned burns none), as `reply init` sets it; 'draft', when the
   * draft is filed, as every workspace did before the key existed (and does while it lacks it).
   */
  readonly numbering: Numbering;
  /** Who this workspace's changes are recorded as made by, when neither --by nor $REPLY_USER names anyone. */
  readonly user: string | null;
  /**
   * The layout the office prints its replies in: 文件 (the 文件格式, the default) or 信函 (the letter
   * format of 函 and 复函); a reply whose doc number is a letter's is printed as one either way.
   */
  readonly style: DocStyle;
}

export const NUMBERINGS = ['sign', 'draft'] as const;
export type Numbering = (typeof NUMBERINGS)[number];

/** How proposals are handled: the periods and what counts as adopted. */
export interface Handling {
  /** 办理期限: months from the assigned date to the due date (3 by the rules of most offices). */
  readonly dueMonths: number;
  /** Months for answering again after a 不满意. */
  readonly reopenMonths: number;
  /** The results that count as 解决或采纳 in the statistics. */
  readonly adoptedResults: readonly string[];
}

export const DEFAULT_HANDLING: Handling = {
  dueMonths: 3,
  reopenMonths: 1,
  adoptedResults: ['解决或采纳', '采纳解决'],
};

export const CONFIG_FILE = 'reply.config.json';

/** What the classes of 办理结果 mean where offices print a class: A 解决或采纳, B 列入计划拟解决, C 留作参考. */
export const DEFAULT_RESULT_CLASSES: Readonly<Record<string, string>> = { A: '解决或采纳', B: '列入计划拟解决', C: '留作参考' };

export const DEFAULT_RESULTS = ['解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考'] as const;
export const DEFAULT_DISCLOSURES = ['主动公开·全文', '主动公开·摘要', '依申请公开', '不予公开'] as const;

const text = z.string().trim().min(1);
const contactSchema = z
  .object({ name: z.string(), phone: z.string().refine((v) => v.trim() === '' || isPhoneList(v)), address: z.string(), postcode: z.string().refine((v) => v === '' || isPostcode(v)) })
  .partial()
  .strict();
const schema = z
  .object({
    organ: text,
    docPrefix: text.refine(validPrefix),
    header: z.union([text, z.literal(false)]).optional(),
    printingOrgan: text.optional(),
    contact: contactSchema.optional(),
    contactLabels: z.object({ name: text, phone: text, address: text, postcode: text } satisfies Record<ContactKey, typeof text>).partial().strict().optional(),
    results: z.array(text).min(1).optional(),
    resultClasses: z.record(z.string().regex(/^[A-Z]$/), text).optional(),
    disclosures: z.array(text).min(1).optional(),
    cc: z.array(text).optional(),
    fonts: z
      .object({ fangsong: text, heiti: text, kaiti: text, xiaobiaosong: text, songti: text, latin: text })
      .partial()
      .strict()
      .optional(),
    numbering: z.enum(NUMBERINGS).optional(),
    style: z.enum(STYLES).optional(),
    user: text.optional(),
    handling: z
      .object({
        dueMonths: z.number().int().min(1).max(24),
        reopenMonths: z.number().int().min(1).max(24),
        adoptedResults: z.array(text),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/** Parses the (commented) JSON of a config file; any fault names the key at fault. */
export function parseConfig(text: string, file: string): Config {
  const read = readJsonText(text);
  if ('tooDeep' in read) throw new ReplyError('config.tooDeep', { file, max: MAX_JSON_DEPTH });
  if (!read.ok) throw new ReplyError('config.syntax', { file, ...read.fault });
  const data = read.data;
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
    if (issue.code === 'unrecognized_keys') {
      const path = [...issue.path, ...issue.keys].join('.');
      throw new ReplyError('config.unknownKey', { file, key: path });
    }
    const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
    throw new ReplyError(missing ? 'config.missingKey' : 'config.badValue', { file, key: key || '(根)' });
  }
  const c = result.data;
  return {
    organ: c.organ,
    docPrefix: c.docPrefix,
    header: c.header === false ? null : (c.header ?? `${c.organ}文件`),
    printingOrgan: c.printingOrgan ?? c.organ,
    contact: dropEmpty(c.contact ?? {}),
    contactLabels: { ...DEFAULT_CONTACT_LABELS, ...c.contactLabels },
    results: c.results ?? [...DEFAULT_RESULTS],
    resultClasses: { ...DEFAULT_RESULT_CLASSES, ...c.resultClasses },
    disclosures: c.disclosures ?? [...DEFAULT_DISCLOSURES],
    cc: c.cc ?? [],
    fonts: { ...DEFAULT_FONTS, ...c.fonts },
    handling: { ...DEFAULT_HANDLING, ...c.handling },
    // A number is given at signing unless the office says it numbers its drafts: an abandoned draft burns none.
    numbering: c.numbering ?? 'sign',
    user: c.user?.trim() || null,
    style: c.style ?? '文件',
  };
}

function validPrefix(prefix: string): boolean {
  try {
    DocNumber.of(prefix, 2000, 1);
    return true;
  } catch {
    return false;
  }
}

export interface InitAnswers {
  readonly organ: string;
  readonly docPrefix: string;
}

/** The commented file `reply init` writes. */
export function configTemplate({ organ, docPrefix }: InitAnswers): string {
  const q = JSON.stringify;
  return `// reply 的工作区配置（JSON，可写注释）。修改后对新建的答复生效，已归档的记录不受影响。
{
  // 发文机关全称：用于署名；版头与印发机关默认由它得出
  "organ": ${q(organ)},

  // 发文机关代字：发文字号的前缀，如 ${docPrefix}〔2023〕16号
  "docPrefix": ${q(docPrefix)},

  // 发文机关标志（版头），默认「发文机关全称 + 文件」；不用版头时写 false
  "header": ${q(`${organ}文件`)},

  // 印发机关（版记中的印发行），默认与发文机关相同
  "printingOrgan": ${q(organ)},

  // 默认联系人，新建答复时填入联系信息块
  "contact": {
    "name": "",
    "phone": "",
    "address": "",
    "postcode": ""
  },

  // 联系信息块各行的标签
  "contactLabels": {
    "name": "联系人姓名",
    "phone": "联系电话",
    "address": "通讯地址",
    "postcode": "邮政编码"
  },

  // 允许的办理结果
  "results": ${q([...DEFAULT_RESULTS])},

  // 其他机关以类别标注办理结果时（A类、B类、C类），导入时各类别记作的办理结果
  "resultClasses": { "A": "解决或采纳", "B": "列入计划拟解决", "C": "留作参考" },

  // 允许的公开属性
  "disclosures": ${q([...DEFAULT_DISCLOSURES])},

  // 版式："文件" 文件格式（红头、发文字号居中、一条红色分隔线，默认）；"信函" 信函格式（用于函、复函）
  "style": "文件",

  // 何时给发文字号："sign" 签发时编号（草稿不占文号，默认）；"draft" 新建草稿时即编号
  "numbering": "sign",

  // 经办人：每一次修改都记下是谁做的（依次取 --by、环境变量 REPLY_USER、此项、系统用户名）
  // "user": "王敏",

  // 默认抄送单位（可为空）
  "cc": [],

  // 提案办理：交办后几个月内答复；不满意后几个月内重新答复；哪些办理结果计入「解决或采纳」
  "handling": {
    "dueMonths": 3,
    "reopenMonths": 1,
    "adoptedResults": ["解决或采纳", "采纳解决"]
  }
}
`;
}

function dropEmpty(contact: Contact): Contact {
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}
