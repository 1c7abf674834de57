import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBody } from '../../src/core/body.js';
import { parseSearchQuery } from '../../src/core/search-query.js';
import { openDatabase } from '../../src/store/db.js';
import { SqliteReplies } from '../../src/store/replies.js';
import { changed, corpusRecord } from '../helpers/corpus.js';

/** Text as replies are written: Chinese characters, digits, Latin letters and the marks between them. */
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const replyText = fc.array(fc.oneof(fc.constantFrom(...HAN), fc.constantFrom('，', '。', '、', '“', '”', '2023', 'AI', '（一）', '\n\n')), { minLength: 20, maxLength: 300 }).map((parts) => parts.join(''));

const db = openDatabase(':memory:');
const repo = new SqliteReplies(db, { now: () => new Date('2026-12-03T00:00:00Z') });
afterAll(() => db.close());

describe('the body parser', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const tree = parseBody(text);
        expect(Array.isArray(tree.blocks)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('search', () => {
  it('finds a filed reply by any run of three or more characters of its body', () => {
    fc.assert(
      fc.property(replyText, fc.nat(), fc.integer({ min: 3, max: 12 }), (body, at, length) => {
        const filed = repo.create(changed(corpusRecord('004'), { body: `${body}\n`, docNumber: null }), '普发改委', { numbering: 'none' });
        // A run of the text as the clerk would type it: no blank, quote or leading minus (those are query syntax).
        const runs = filed.body.split(/[“”"\s]+/u).filter((r) => r.length >= 3);
        fc.pre(runs.length > 0);
        const run = runs[at % runs.length]!;
        const start = at % (run.length - 2);
        const needle = run.slice(start, start + length).replace(/^-+/u, '');
        fc.pre(needle.length >= 3);
        const ids = repo.fullText().search(parseSearchQuery(needle), { limit: 100_000 }).map((h) => h.reply.id);
        expect(ids, needle).toContain(filed.id);
      }),
      { numRuns: 60 },
    );
  });
});
