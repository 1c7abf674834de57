import { z } from 'zod';
import type { ArchiveMode, Context } from './context.js';

/** An option's kinds as commander gives them: a flag, a value, a value given again and again. */
export const flag = z.boolean().optional();
export const value = z.string().optional();
export const values = z.array(z.string()).optional();

/**
 * A command's contract in one place: the options it takes, typed by their
 * schema, and what it does with them. The dispatcher reads commander's
 * options through the schema, so a handler never sees an untyped bag.
 */
export interface CommandHandler<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly options: z.ZodObject<S>;
  /** How the command uses the archive (given its options): it is opened so, once, when first asked for. */
  archive(options: z.infer<z.ZodObject<S>>): ArchiveMode;
  run(ctx: Context, args: string[], options: z.infer<z.ZodObject<S>>): Promise<number>;
}

/** The options a command's schema gives its handler. */
export type Options<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/**
 * A command that only reads the archive (the default), one that writes it, or one whose options
 * say which (`import --dry-run` reads).
 */
export function command<S extends z.ZodRawShape>(
  shape: S,
  run: (ctx: Context, args: string[], options: z.infer<z.ZodObject<S>>) => Promise<number>,
  archive: ArchiveMode | ((options: z.infer<z.ZodObject<S>>) => ArchiveMode) = 'read',
): CommandHandler<S> {
  return { options: z.object(shape), archive: typeof archive === 'function' ? archive : () => archive, run };
}
