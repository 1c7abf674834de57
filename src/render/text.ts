import { DEFAULT_FONTS, type Fonts } from '../core/config.js';
import type { ReplyFields, Status } from '../core/reply.js';
import type { DocStyle } from '../core/style.js';
import { bodyAsHtml } from './body-html.js';
import { htmlLayout } from './html-layout.js';
import { styleFor } from './style.js';
import { bodyAsText, FINAL, printingOf, tidyText as tidy } from '../core/reply-parts.js';
import { bodyAsMarkdown, markdownContext } from './body-text.js';
import { templateContext } from './template-context.js';
import { loadTemplate } from './templates.js';

/**
 * A reply to print. A record of the archive carries its status, which decides how the documents
 * mark it (printingOf): a draft is 草稿 and shows no number; a bare record is printed as it is.
 */
export type Printable = ReplyFields & { readonly status?: Status };

/** One exporter per format behind one interface. */
export interface Exporter {
  readonly name: string;
  readonly ext: string;
  render(reply: Printable, options: RenderOptions): string | Uint8Array | Promise<Uint8Array>;
  /**
   * Several replies at once where that is much cheaper than one by one (PDF:
   * one LibreOffice call); `done` gets each output, in order, as it is ready.
   */
  renderMany?(replies: readonly Printable[], options: RenderOptions, done: (index: number, output: Uint8Array) => void | Promise<void>): Promise<void>;
}

export interface RenderOptions {
  /** The workspace's `templates/` folder, whose files override the built-in ones. */
  readonly workspaceTemplates?: string;
  readonly fonts?: Partial<Fonts>;
  /** Stamped documents place the date 4 characters from the right and the signature over it. */
  readonly stamped?: boolean;
  /** Print a draft as the final text: no 草稿 across it, its number (if it has one) in its place. */
  readonly final?: boolean;
  /** The office's doc number prefix, which a draft without a number shows where its number will go. */
  readonly officePrefix?: string;
  /** The layout asked for, whatever the reply's own (文件 or 信函). */
  readonly style?: DocStyle;
  /** The office and its layout, for the replies it signs (the config's organ and style). */
  readonly office?: { readonly organ: string; readonly style: DocStyle };
}

/** The published plain-text layout: one blank line between the parts, as the published exports show. */
export const textExporter: Exporter = {
  name: 'txt',
  ext: '.txt',
  render: (reply, options) =>
    tidy(loadTemplate('txt', reply.kind, options.workspaceTemplates)(templateContext(reply, bodyAsText, FINAL))),
};

export const markdownExporter: Exporter = {
  name: 'md',
  ext: '.md',
  render: (reply, options) =>
    tidy(loadTemplate('md', reply.kind, options.workspaceTemplates)(markdownContext(templateContext(reply, bodyAsMarkdown, FINAL)))),
};

/**
 * One self-contained HTML file in the same layout: A4 pages, the same margins,
 * fonts and sizes, and the DOCX's very lines and pages (layoutPages), so that
 * it prints as the Word file does.
 */
export const htmlExporter: Exporter = {
  name: 'html',
  ext: '.html',
  render: (reply, options) => {
    let layout: ReturnType<typeof htmlLayout> | undefined;
    const printing = printingOf(reply.status, options);
    const context = templateContext(reply, (tree) => {
      layout = htmlLayout(reply, tree, styleFor(reply, options), printing);
      return bodyAsHtml(tree, layout.pages);
    }, printing);
    return loadTemplate('html', reply.kind, options.workspaceTemplates)({
      ...context,
      ...layout!.context,
      fonts: { ...DEFAULT_FONTS, ...options.fonts },
      stamped: options.stamped ?? false,
    });
  },
};
