import { checkSubject, renderedSubject, type CheckContext, type Finding } from '../core/checks/index.js';
import type { Config } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import { replyText } from '../core/reply-parts.js';
import type { Reply, ReplyFields } from '../core/reply.js';

/**
 * How the archive's replies are checked: through their text rendering by the
 * built-in templates, against the workspace's config. Never through the
 * workspace's own templates: a workspace that words its text output otherwise
 * (a title of its own) would have a correct record reported, and its signing
 * refused, for what its template says.
 */
export interface ReplyChecker {
  readonly context: CheckContext;
  /** The lines a finding names: those of `reply render ID --format txt` with the built-in templates. */
  render(reply: ReplyFields): string;
  /** Every finding of a reply, in the order of its lines; of one started from a past reply, also of what it carried over. */
  findings(reply: Reply, basis?: { readonly id: number; readonly body: string }): Finding[];
}

/** The checker of a workspace's replies (Context.checker builds it). */
export async function replyChecker(config: Config | undefined, today: IsoDate): Promise<ReplyChecker> {
  const context: CheckContext = { ...(config ? { config } : {}), today };
  const render = (reply: ReplyFields) => replyText(reply);
  return {
    context,
    render,
    findings: (reply, basis) => {
      const subject = renderedSubject(render(reply), reply);
      if (!subject.ok) throw new ReplyError('check.badRender', { id: reply.id, reasonKey: subject.reason });
      return checkSubject(subject.subject, basis ? { ...context, basis } : context);
    },
  };
}
