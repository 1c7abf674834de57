import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { arrangeSearchWords } from '../../src/cli/search-words.js';

function root(): Command {
  const r = new Command('reply').option('--db <path>').option('--no-input');
  r.command('search').argument('[query...]').option('--limit <n>').option('--json').option('-C, --context <n>');
  r.command('list').option('--limit <n>');
  return r;
}

describe('arrangeSearchWords', () => {
  it('puts the flags of search and the global flags first, every other word after --', () => {
    expect(arrangeSearchWords(['search', '长三角', '-研报', '--limit', '5', '--db', 'x.db'], root())).toEqual([
      'search', '--limit', '5', '--db', 'x.db', '--', '长三角', '-研报',
    ]);
  });

  it('drops the first -- and reads the flags after it, keeps a later -- as a word', () => {
    expect(arrangeSearchWords(['--db', 'a', 'search', '--', '长三角', '-数据', '--limit=100', '--', '-C', '1'], root())).toEqual([
      '--db', 'a', 'search', '--limit=100', '-C', '1', '--', '长三角', '-数据', '--',
    ]);
  });

  it('leaves other commands as they are', () => {
    expect(arrangeSearchWords(['list', '-x', '--limit', '1'], root())).toEqual(['list', '-x', '--limit', '1']);
    expect(arrangeSearchWords(['--no-input', 'search'], root())).toEqual(['--no-input', 'search']);
  });
});
