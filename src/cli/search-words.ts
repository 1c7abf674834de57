import type { Command, Option } from 'commander';

/**
 * Rearranges the words after `reply search` so that the parser sees the command's
 * own flags (and the global ones) first and every other word as a search term
 * after `--`. A word like `-研报` is then a negated term, not an unknown option,
 * and `--limit 100` is a flag wherever it stands, even after a `--` (which
 * earlier made it two search words that found nothing). The first `--` is
 * dropped as the end-of-options mark users were taught to type; later ones are words.
 * A word like `--yaer` is no search term anyone types but a flag typed wrong: it goes
 * to the parser as a flag, which refuses it and names the flag meant (did you mean).
 */
export function arrangeSearchWords(argv: readonly string[], root: Command): string[] {
  const at = commandIndex(argv, root.options);
  const search = root.commands.find((c) => c.name() === 'search');
  if (at < 0 || argv[at] !== 'search' || !search) return [...argv];
  const known = [...search.options, ...root.options];
  const flags: string[] = [];
  const words: string[] = [];
  let separatorSeen = false;
  for (let i = at + 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--' && !separatorSeen) {
      separatorSeen = true;
      continue;
    }
    const option = word === '-h' || word === '--help' ? 'help' : findOption(word, known);
    if (option === undefined) {
      (MISTYPED_FLAG.test(word) ? flags : words).push(word);
      continue;
    }
    flags.push(word);
    if (option !== 'help' && takesValue(option) && !word.includes('=') && i + 1 < argv.length) flags.push(argv[++i]!);
  }
  return [...argv.slice(0, at + 1), ...flags, ...(words.length > 0 ? ['--', ...words] : [])];
}

/** Where the command's name stands: the first word that is not a global option or its value. */
function commandIndex(argv: readonly string[], globals: readonly Option[]): number {
  for (let i = 0; i < argv.length; i++) {
    const option = findOption(argv[i]!, globals);
    if (option === undefined) return argv[i]!.startsWith('-') ? -1 : i;
    if (takesValue(option) && !argv[i]!.includes('=')) i++;
  }
  return -1;
}

const MISTYPED_FLAG = /^--[A-Za-z]/u;

function findOption(word: string, options: readonly Option[]): Option | undefined {
  const name = word.split('=')[0];
  return options.find((o) => o.long === name || o.short === name || (o.negate && o.long === name));
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}
