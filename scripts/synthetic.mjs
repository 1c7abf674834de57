// Synthetic replies for the benchmark: the corpus's structure and vocabulary,
// about 3,000 characters each, deterministic for a given index.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BODIES = ['000', '001', '002', '004'].map((id) => readFileSync(join(ROOT, 'test/fixtures/corpus', `${id}.body.md`), 'utf8'));

/** Every sentence of the corpus bodies (headings and footnotes left out). */
const SENTENCES = BODIES.flatMap((body) =>
  body
    .split('\n\n')
    .filter((p) => !/^(\[\^|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.])/u.test(p))
    .flatMap((p) => p.replace(/\*\*/g, '').match(/[^。！？]+[。！？]/gu) ?? []),
).filter((s) => s.length > 8);

const TOPICS = ['长三角一体化', '数字化转型', '科创会客厅', '未来产业', '营商环境', '城市更新', '人工智能', '生物医药',
  '海纳小镇', '桃浦智创城', '苏州河', '养老服务', '公共数据开放', '绿色低碳', '产业园区', '人才公寓', '智慧交通', '金融科技'];
const HEADINGS = ['基本情况', '主要工作', '存在问题', '下一步工作', '协调机制', '产业发展', '应用场景', '政策支持'];
const NAMES = ['朱莺', '王东伟', '顾薇玲', '陈蕾艳', '李明', '张强', '周敏', '吴刚', '郑洁', '孙磊'];
const GROUPS = ['经济委员会', '民盟普陀区委', '九三学社普陀区委', '区工商联'];
const RESULTS = ['解决或采纳', '采纳解决', '部分采纳', '列入计划拟解决', '留作参考'];

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['一', '二', '三', '四', '五', '六'];

/** The answers of synthetic reply `i` (as `reply new --answers` takes them). */
export function syntheticAnswers(i) {
  const rnd = random(i * 7919 + 17);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const topic = pick(TOPICS);
  const year = 2016 + (i % 10);
  const group = rnd() < 0.15;
  const proposer = group ? pick(GROUPS) : `${pick(NAMES)}委员`;
  const title = `关于推进${topic}${pick(['高质量发展', '建设', '提升服务能级', '协同创新'])}的建议`;
  const opening = group
    ? `贵单位提出的《${title}》的提案收悉，感谢贵单位对我们工作的关心与支持。经研究，现将办理情况答复如下：`
    : `您提出的《${title}》的提案收悉，经研究，现将办理情况答复如下：`;
  const paragraphs = [opening];
  let length = opening.length;
  for (let h = 0; length < 2900; h++) {
    paragraphs.push(`${CN[h % CN.length]}、关于${pick(HEADINGS)}`);
    for (let p = 0; p < 2 && length < 2900; p++) {
      let text = `围绕${topic}，`;
      while (text.length < 260) text += pick(SENTENCES);
      paragraphs.push(text);
      length += text.length;
    }
  }
  paragraphs.push(group
    ? '非常感谢贵单位的提案，希望在今后的工作中，继续给我们提出更多意见和建议。谢谢！'
    : '非常感谢您的提案，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！');
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  return {
    kind: '提案答复',
    session: `区政协十${['四', '五'][year > 2021 ? 1 : 0]}届${CN[year % 5]}次会议`,
    proposalNo: String(140000 + i),
    title,
    proposers: [proposer],
    result: pick(RESULTS),
    disclosure: '主动公开·全文',
    signedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    // Ten years of 9,000 numbers each under the office's prefix, then under its letters' (a typed number has at most 4 digits).
    docNumber: `${i < 90000 ? '普发改委' : '普发改函'}〔${year}〕${Math.floor((i % 90000) / 10) + 1}号`,
    body: paragraphs.join('\n\n') + '\n',
  };
}
