import type { FormatRead, FormatReader } from './format.js';

/** Word 2007 and later, through mammoth (loaded on first use). */
export const docxReader: FormatReader = {
  format: 'docx',
  extensions: ['.docx'],
  async read(bytes): Promise<FormatRead> {
    try {
      const mammoth = (await import('mammoth')).default;
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      if (!value.trim()) return { ok: false, reason: 'import.empty' };
      return { ok: true, text: value, encoding: 'utf-8' };
    } catch {
      return { ok: false, reason: 'import.badDocx' };
    }
  },
};
