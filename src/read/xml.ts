/** The nodes of htmlparser2's document that the readers of XML formats walk. */
export interface XmlNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: readonly XmlNode[];
}

/** An XML document as a tree (htmlparser2, loaded on first use). */
export async function parseXml(xml: string): Promise<XmlNode> {
  const { parseDocument } = await import('htmlparser2');
  return parseDocument(xml, { xmlMode: true }) as unknown as XmlNode;
}

/** The element's name without its namespace prefix: w:p → p, ofd:TextCode → TextCode. */
export function localName(node: XmlNode): string {
  const name = node.name ?? '';
  return name.slice(name.indexOf(':') + 1);
}

/** The element's children that are elements of this local name. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return (node?.children ?? []).filter((c) => c.type === 'tag' && localName(c) === name);
}

export function childNamed(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return (node?.children ?? []).find((c) => c.type === 'tag' && localName(c) === name);
}

/** An attribute by its local name: w:val, val. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!node?.attribs) return undefined;
  for (const [key, value] of Object.entries(node.attribs)) if (key === name || key.endsWith(`:${name}`)) return value;
  return undefined;
}

/** All the text below a node, its descendants' joined in order. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.data ?? '';
  return (node.children ?? []).map(textOf).join('');
}
