import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsInput, keyLine, readAnswers, readProposalAnswers } from '../../src/cli/answers.js';
import { ReplyError } from '../../src/core/errors.js';
import { PROPOSAL_INPUT, readInput, REPLY_INPUT } from '../../src/core/input.js';
import { tempDir } from '../helpers/cli.js';
import { CORPUS } from '../helpers/corpus.js';

const answersFile = (data: unknown) => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.json'), JSON.stringify(data));
  return { dir, file: 'a.json' };
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReplyError) return { key: error.key, params: error.params };
    throw error;
  }
  throw new Error('nothing was refused');
};

describe('the line a key of an answers file stands on', () => {
  it('is the top-level key\'s, not a key of the same name inside a value or a string that reads like one', () => {
    const text = '{\n  "note": "\\"title\\": 1",\n  "contact": {\n    "title": "x"\n  },\n  "title": 123\n}';
    expect(keyLine(text, 'title')).toBe(6);
    expect(keyLine(text, 'contact')).toBe(3);
    expect(keyLine(text, 'absent')).toBe(1);
  });
});

describe('one input schema for a reply, whichever way it comes', () => {
  it('flags and an answers file of the same values give the same input', () => {
    const fromFile = readAnswers('000.answers.json', CORPUS);
    const { body, contact, ...rest } = fromFile;
    const fromFlags = flagsInput(
      {
        kind: rest.kind, session: rest.session, proposalNo: rest.proposalNo, title: rest.title, proposer: rest.proposers,
        result: rest.result, disclosure: rest.disclosure, signedOn: rest.signedOn, docNumber: rest.docNumber, body: '000.body.md',
      },
      body,
    );
    expect({ ...fromFlags, contact }).toEqual(fromFile);
  });

  it('takes a key by its flag name or its camelCase spelling, a number as text, one proposer as a list, and null as not given', () => {
    const { dir, file } = answersFile({ 'proposal-no': 152104, proposer: '朱莺委员', signedOn: '2023-05-18', cc: '区政协提案委', salutation: null, header: false });
    expect(readAnswers(file, dir)).toEqual({ proposalNo: '152104', proposers: ['朱莺委员'], signedOn: '2023-05-18', cc: ['区政协提案委'], header: null });
  });

  it('refuses an unknown key, and a value of the wrong shape by the key as the file spells it', () => {
    const unknown = answersFile({ kind: '提案答复', colour: 'red' });
    expect(refusal(() => readAnswers(unknown.file, unknown.dir))).toMatchObject({ key: 'answers.unknownKeys', params: { keys: 'colour' } });
    const list = answersFile({ 'signed-on': ['2023-05-18'] });
    expect(refusal(() => readAnswers(list.file, list.dir))).toMatchObject({ key: 'answers.badValue', params: { key: 'signed-on' } });
    // A number where words go is a slip in the file, not a title: title: 123 is not filed as 「123」.
    for (const key of ['title', 'session', 'kind', 'result', 'salutation']) {
      const words = answersFile({ [key]: 123 });
      expect(refusal(() => readAnswers(words.file, words.dir)), key).toMatchObject({ key: 'answers.badValue', params: { key } });
    }
    const contact = answersFile({ contact: { fax: '123' } });
    expect(refusal(() => readAnswers(contact.file, contact.dir))).toMatchObject({ key: 'answers.badValue', params: { key: 'contact' } });
  });

  it('the schemas say where a value does not fit', () => {
    expect(readInput(REPLY_INPUT, { proposers: [{ name: '朱莺', role: '委员' }, '李明'] })).toEqual({ ok: true, input: { proposers: [{ name: '朱莺', role: '委员' }, '李明'] } });
    expect(readInput(REPLY_INPUT, { body: 7 })).toMatchObject({ ok: false, key: 'body' });
    expect(readInput(PROPOSAL_INPUT, { number: '1', extra: 1 })).toMatchObject({ ok: false, unknown: ['extra'] });
  });

  it('a proposal’s answers take its number by number or proposal-no', () => {
    const { dir, file } = answersFile({ 'proposal-no': '152104', 'assigned-on': '2023-03-01', role: '主办' });
    expect(readProposalAnswers(file, dir)).toEqual({ number: '152104', assignedOn: '2023-03-01', role: '主办' });
  });
});
