import { markdownExporter, textExporter, type Exporter } from './text.js';

/** Every output format by name; `reply render --format` picks one. */
export const EXPORTERS: Readonly<Record<string, Exporter>> = {
  txt: textExporter,
  md: markdownExporter,
};
