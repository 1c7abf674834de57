import { z } from 'zod';
import { CONTACT_KEYS } from './reply.js';

/**
 * What a clerk gives for a new reply or a proposal, however it comes: flags,
 * an answers file (JSON) or prompts. One schema each, which every way in is
 * read through; the rules of the genre (a real date, a known kind …) are then
 * checked once, by buildNewReply and buildProposal.
 */

/** A typed value: text, or a number in JSON (a number loses leading zeros: proposal numbers are quoted to keep them). */
const text = z.union([z.string(), z.number().transform(String)]);
/**
 * Words: a title, a session, a name. A number there is a slip in the file (title: 123), not a value to
 * turn into text; only what may be written as a number (a proposal number, a date, a phone) takes one.
 */
const words = z.string();
/** One value or a list of them. */
const oneOrMany = <T extends z.ZodTypeAny>(item: T) => z.union([z.array(item), item.transform((v: z.output<T>) => [v])]);
const proposer = z.union([z.string(), z.object({ name: z.string(), role: z.string().optional() }).strict()]);
const contact = z.object(Object.fromEntries(CONTACT_KEYS.map((k) => [k, text.optional()])) as Record<(typeof CONTACT_KEYS)[number], z.ZodOptional<typeof text>>).strict();

export const REPLY_INPUT = z
  .object({
    kind: words,
    session: words,
    proposalNo: text,
    title: words,
    proposers: oneOrMany(proposer),
    leadUnit: words,
    salutation: words,
    result: words,
    disclosure: words,
    signedOn: text,
    issuedOn: text,
    docNumber: text,
    body: z.string(),
    cc: oneOrMany(z.string()),
    contact,
    /** Overrides the config's contact labels for this reply (承办单位通讯地址 …). */
    contactLabels: contact,
    /** Overrides the config's 发文机关标志; false (null) for none. */
    header: z.union([z.string(), z.literal(false).transform(() => null), z.null()]),
    /** 份号, 密级和保密期限, 紧急程度 and 附注, those the document has. */
    copyNo: text,
    secrecy: words,
    urgency: words,
    annotation: words,
    /** 文件 or 信函. */
    style: words,
  })
  .partial()
  .strict();

export const PROPOSAL_INPUT = z
  .object({
    kind: words,
    session: words,
    number: text,
    title: words,
    proposers: oneOrMany(proposer),
    assignedOn: text,
    role: words,
    leadUnit: words,
    dueOn: text,
  })
  .partial()
  .strict();

type DeepReadonly<T> = T extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** What a clerk gives for a new reply, as text from flags, an answers file or prompts. */
export type ReplyInput = DeepReadonly<z.output<typeof REPLY_INPUT>>;
/** What a clerk gives for a proposal, as text from flags, an answers file or prompts. */
export type ProposalInput = DeepReadonly<z.output<typeof PROPOSAL_INPUT>>;

/** Where a value does not fit its schema: the input key (the first of the path), or none for the whole. */
export type InputProblem = { readonly ok: false; readonly key: string | undefined; readonly unknown: readonly string[] };

/** Reads a value given for an input through its schema. */
export function readInput<S extends typeof REPLY_INPUT | typeof PROPOSAL_INPUT>(
  schema: S,
  value: unknown,
): { readonly ok: true; readonly input: z.output<S> } | InputProblem {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, input: parsed.data };
  const unknown = parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : []));
  const key = parsed.error.issues.find((i) => i.path.length > 0)?.path[0];
  return { ok: false, key: key === undefined ? undefined : String(key), unknown };
}
