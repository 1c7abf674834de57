import type { Contact } from './reply.js';
import { searchShadow } from './reader/simplified.js';

/**
 * What search finds a reply by besides its text: the name of its contact and
 * each unit of its 抄送, one a line (a term spanning two of them matches
 * neither), with their simplified form when written in traditional script;
 * null when the reply names neither. The contact's phone, address and
 * postcode are left out: the same in every reply of an office, they would
 * make a search for a street or a number find all of them.
 */
export function searchAside(reply: { readonly contact: Contact; readonly cc: readonly string[] }): string | null {
  const lines = [reply.contact.name ?? '', ...reply.cc].map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return null;
  const text = lines.join('\n');
  const shadow = searchShadow(text);
  return shadow === null ? text : `${text}\n${shadow}`;
}
