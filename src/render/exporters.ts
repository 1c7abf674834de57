import { htmlExporter, markdownExporter, textExporter, type Exporter } from './text.js';

/** Every output format by name; `reply render --format` picks one. */
export const EXPORTERS: Readonly<Record<string, Exporter>> = {
  txt: textExporter,
  md: markdownExporter,
  html: htmlExporter,
  docx: {
    name: 'docx',
    ext: '.docx',
    // The docx package is loaded only when a Word file is asked for.
    render: async (reply, options) => (await import('./docx.js')).renderDocx(reply, options),
  },
  pdf: {
    name: 'pdf',
    ext: '.pdf',
    render: async (reply, options) => (await import('./pdf.js')).renderPdf(reply, options),
    renderMany: async (replies, options, done) => (await import('./pdf.js')).renderPdfs(replies, options, done),
  },
};
