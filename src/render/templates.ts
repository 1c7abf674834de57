import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ReplyError } from '../core/errors.js';
import type { Kind } from '../core/reply.js';
import { helpers } from './helpers.js';

/** The built-in templates shipped with the tool. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

const FILE_OF_KIND: Record<Kind, string> = {
  提案答复: 'proposal.hbs',
  建议答复: 'suggestion.hbs',
  会办意见: 'cohandling.hbs',
};

export type CompiledTemplate = (context: object) => string;

/**
 * Compiles the template of a kind for a format. A workspace's `templates/`
 * folder wins over the built-in one, file by file; partials are the files
 * whose names start with `_` (`_tail.hbs` is `{{> tail}}`).
 */
export function loadTemplate(format: string, kind: Kind, workspaceTemplates: string | undefined): CompiledTemplate {
  // A batch renders many replies with the same few templates: compile each once per process.
  const key = `${format}\0${kind}\0${workspaceTemplates ?? ''}`;
  let compiled = cache.get(key);
  if (!compiled) cache.set(key, (compiled = compileTemplate(format, kind, workspaceTemplates)));
  return compiled;
}

const cache = new Map<string, CompiledTemplate>();

function compileTemplate(format: string, kind: Kind, workspaceTemplates: string | undefined): CompiledTemplate {
  const dirs = [join(BUILTIN_TEMPLATES, format), ...(workspaceTemplates ? [join(workspaceTemplates, format)] : [])];
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  let main: { file: string; source: string } | undefined;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (entry.startsWith('_') && entry.endsWith('.hbs')) {
        hbs.registerPartial(basename(entry, '.hbs').slice(1), read(join(dir, entry)));
      }
    }
    const file = join(dir, FILE_OF_KIND[kind]);
    if (existsSync(file)) main = { file, source: read(file) };
  }
  if (!main) throw new ReplyError('template.missing', { format, kind });
  const { file, source } = main;
  const template = hbs.compile(source, { noEscape: format !== 'html', strict: false });
  return (context) => {
    try {
      return template(context);
    } catch (error) {
      throw new ReplyError('template.failed', { file, detail: oneLine((error as Error).message) });
    }
  };
}

/** Handlebars' parse errors span lines (the source and a caret): keep the first and the last. */
function oneLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : (lines[0] ?? '');
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ReplyError('file.unreadable', { file });
  }
}

/**
 * The Word styles (styles.xml) as a Handlebars template over `{ fonts }`: the
 * workspace's `templates/docx/styles.xml` when there is one, else the
 * built-in file. Compiled once per process.
 */
export function loadDocxStyles(workspaceTemplates: string | undefined): { file: string; render: CompiledTemplate } {
  const workspaceFile = workspaceTemplates ? join(workspaceTemplates, 'docx', 'styles.xml') : undefined;
  const file = workspaceFile && existsSync(workspaceFile) ? workspaceFile : join(BUILTIN_TEMPLATES, 'docx', 'styles.xml');
  let styles = stylesCache.get(file);
  if (!styles) {
    const hbs = Handlebars.create();
    let template: HandlebarsTemplateDelegate;
    try {
      template = hbs.compile(read(file), { strict: false });
    } catch (error) {
      throw new ReplyError('template.failed', { file, detail: oneLine((error as Error).message) });
    }
    const render: CompiledTemplate = (context) => {
      try {
        return template(context);
      } catch (error) {
        throw new ReplyError('template.failed', { file, detail: oneLine((error as Error).message) });
      }
    };
    stylesCache.set(file, (styles = { file, render }));
  }
  return styles;
}

const stylesCache = new Map<string, { file: string; render: CompiledTemplate }>();
