import { READABLE_EXTENSIONS } from '../read/extensions.js';
import { zhCN, type MessageKey } from '../messages/zh-CN.js';

export type { MessageKey };


const catalogue: Record<string, string> = zhCN;

export function hasMessage(key: string): key is MessageKey {
  return key in catalogue;
}

/**
 * The sentence for a key with its placeholders filled; an unknown key shows
 * itself. A parameter named `…Key` holds a key of its own and is translated too, with the same parameters.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = name in params ? String(params[name]) : name in CONSTANTS ? CONSTANTS[name]! : undefined;
    if (value === undefined) return whole;
    return name.endsWith('Key') && hasMessage(value) ? t(value, params) : value;
  });
}

/** Placeholders every message may use: the formats the readers read (read/extensions.ts). */
const CONSTANTS: Readonly<Record<string, string>> = { formats: READABLE_EXTENSIONS.join(' ') };
