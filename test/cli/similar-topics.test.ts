/**
 * reply similar ranks by what a proposal is about, not by the words every reply shares: over the
 * real replies of the corpora, grouped by topic here, the top three of each reply are of its own
 * topic in at least 80% of the places where they can be.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { WILD, WILD_FILES } from '../helpers/wild.js';

/** The topics, by the start of each file's name; a reply of a topic of its own has no place to fill. */
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  // roads to harden, a bus line and a bus stop, parking on the street
  'roads and transport': ['01_', '02_', '04_', '13_', '14_', '22_', '31_', '34_', '17_'],
  education: ['05_', '07_', '08_', '19_', '25_'],
  water: ['11_', '20_'],
  'the Putuo economy': ['000_', '001_', '002_', '004_'],
  // and, each alone: rural pollution (10_), a tourist town (23_), a wall by a road (28_),
  // mining subsidence (29_), lifts in old housing (32_)
};

const topicOf = (file: string) => Object.entries(TOPICS).find(([, prefixes]) => prefixes.some((p) => file.startsWith(p)))?.[0];

describe('reply similar ranks by topic', () => {
  it('puts replies of the same topic in the top three in at least 80% of places', () => {
    const ws = workspace();
    const files = [...WILD_FILES.map((f) => join(WILD, f)), ...['000_4fb67617f60c5557', '001_70d0034a1d17f697', '002_a164b7bb32c782c3', '004_c7071f7df36f8e71'].map((f) => join(FIXTURES, 'corpus', `${f}.txt`))];
    const imported = JSON.parse(runCli(ws, ['import', '--json', ...files]).stdout) as { file: string; outcome: string; id?: number }[];
    const topic = new Map<number, string>();
    const name = new Map<number, string>();
    for (const r of imported) {
      if (r.outcome !== 'filed') continue;
      const base = r.file.split('/').pop()!;
      name.set(r.id!, base);
      const t = topicOf(base);
      if (t) topic.set(r.id!, t);
    }
    expect(topic.size).toBe(Object.values(TOPICS).flat().length);
    let hits = 0;
    let places = 0;
    const misses: string[] = [];
    for (const [id, own] of topic) {
      const top = (JSON.parse(runCli(ws, ['similar', String(id), '--json', '--limit', '3']).stdout) as { id: number }[]).map((h) => h.id);
      const room = Math.min(3, TOPICS[own]!.length - 1);
      const good = top.slice(0, room).filter((other) => topic.get(other) === own).length;
      hits += good;
      places += room;
      if (good < room) misses.push(`${name.get(id)} (${own}): ${top.map((o) => `${name.get(o)} (${topic.get(o) ?? '—'})`).join(', ')}`);
    }
    const share = hits / places;
    console.log(`reply similar: ${hits} of ${places} places (${(share * 100).toFixed(0)}%) hold a reply of the same topic; short:\n  ${misses.join('\n  ')}`);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
