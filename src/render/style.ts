import { defaultStyle, type DocStyle } from '../core/style.js';
import type { ReplyFields } from '../core/reply.js';
import type { RenderOptions } from './text.js';

/** The layout a reply is printed in: the one asked for (--style), else its own or its default (core/style.ts). */
export function styleFor(reply: Pick<ReplyFields, 'docNumber' | 'organ' | 'style'>, options: Pick<RenderOptions, 'style' | 'office'>): DocStyle {
  return options.style ?? defaultStyle(reply, options.office);
}
