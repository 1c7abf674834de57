import { type IsoDate } from '../../src/core/dates.js';
import { DocNumber } from '../../src/core/doc-number.js';
import type { Proposal, Deadline } from '../../src/core/proposal.js';
import { addressed, type ReplySummary, type Status, type UnaddressedFields } from '../../src/core/reply.js';

/** Proposals and replies of the handling's tests: a 提案 of 区政协十五届二次会议 due 2023-06-01, and its replies. */
export const day = (text: string) => text as IsoDate;

export function proposal(id: number, over: Partial<Proposal> = {}): Proposal {
  const assignedOn = over.assignedOn ?? day('2023-03-01');
  const deadlines: Deadline[] = over.deadlines ? [...over.deadlines] : [{ event: 9, at: '2023-03-01T08:00:00.000Z', dueOn: day('2023-06-01'), cause: 'assigned', reason: null, operator: null, feedbackId: null }];
  return {
    id,
    kind: '提案',
    session: '区政协十五届二次会议',
    number: String(152100 + id),
    title: `第${id}件`,
    proposers: [{ name: '朱莺', role: '委员' }],
    assignedOn,
    firstDueOn: deadlines[0]!.dueOn,
    role: '主办',
    leadUnit: null,
    createdAt: '2023-03-01T08:00:00.000Z',
    ...over,
    deadlines,
  } as Proposal;
}

let nextId = 1;
export function reply(p: Proposal, status: Status, signedOn: string, over: Partial<UnaddressedFields<ReplySummary>> = {}): ReplySummary {
  const id = nextId++;
  const summary = addressed<ReplySummary>({
    id,
    kind: '提案答复',
    docNumber: DocNumber.of('普发改委', Number(signedOn.slice(0, 4)), id),
    session: p.session,
    proposalNo: p.number,
    proposalTitle: p.title,
    proposers: p.proposers,
    salutation: null,
    leadUnit: null,
    result: '解决或采纳',
    disclosure: '主动公开·全文',
    signedOn: day(signedOn),
    issuedOn: null,
    organ: '上海市普陀区发展和改革委员会',
    header: null,
    printingOrgan: '上海市普陀区发展和改革委员会',
    contact: {},
    contactLabels: { name: '联系人姓名', phone: '联系电话', address: '通讯地址', postcode: '邮政编码' },
    cc: [],
    classification: {},
    annotation: null,
    style: null,
    status,
    inferred: [],
    version: id,
    createdAt: `${signedOn}T08:00:00.000Z`,
    updatedAt: `${signedOn}T08:00:00.000Z`,
    ...over,
  });
  if (!summary) throw new Error('a reply to proposers has no lead unit');
  return summary;
}
