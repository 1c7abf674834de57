import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReplyError } from '../core/errors.js';
import { findExecutable } from '../read/tools.js';
import { renderDocx } from './docx.js';
import type { Printable, RenderOptions } from './text.js';

/** Maps the layout's font names to free fonts (fonts-noto-cjk, fonts-arphic-ukai) where the originals are missing. */
export const FONTCONFIG = fileURLToPath(new URL('../../templates/fontconfig/fonts.conf', import.meta.url));

/**
 * The PDF: from the DOCX with LibreOffice when it is installed (the same file
 * the office signs), else from the HTML with headless Chromium.
 */
export async function renderPdf(reply: Printable, options: RenderOptions, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  let pdf: Uint8Array | undefined;
  await renderPdfs([reply], options, (_, bytes) => {
    pdf = bytes;
  }, env);
  return pdf!;
}

/**
 * The PDFs of several replies. With LibreOffice, every DOCX is converted in
 * one `soffice --convert-to pdf` call (a call costs 1.5–2 s, a reply in it
 * about 0.2 s); `done` is called for each reply as soon as its PDF is made,
 * in order. With Chromium only, each HTML is printed by a call of its own.
 */
export async function renderPdfs(
  replies: readonly Printable[],
  options: RenderOptions,
  done: (index: number, pdf: Uint8Array) => void | Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const soffice = findExecutable(['soffice', 'libreoffice'], env);
  const chromium = soffice ? undefined : findExecutable(['chromium', 'chromium-browser', 'google-chrome'], env);
  if (!soffice && !chromium) throw new ReplyError('pdf.noConverter');
  const dir = mkdtempSync(join(tmpdir(), 'reply-pdf-'));
  const fontEnv = { ...env, FONTCONFIG_FILE: env.FONTCONFIG_FILE ?? FONTCONFIG };
  try {
    if (soffice) {
      const docx = await Promise.all(
        replies.map(async (reply, i) => {
          const file = join(dir, `${i}.docx`);
          writeFileSync(file, await renderDocx(reply, options));
          return file;
        }),
      );
      await convertWithLibreOffice(soffice, docx, dir, fontEnv, done);
    } else {
      const { htmlExporter } = await import('./text.js');
      for (const [i, reply] of replies.entries()) {
        const html = join(dir, `${i}.html`);
        const pdf = join(dir, `${i}.pdf`);
        writeFileSync(html, (await htmlExporter.render(reply, options)) as string);
        const result = spawnSync(chromium!, [...chromiumArgs(join(dir, `profile-${i}`), pdf), pathToFileURL(html).href], { env: fontEnv, stdio: 'ignore', timeout: 120_000 });
        if (result.status !== 0 || !existsSync(pdf)) throw new ReplyError('pdf.failed', { tool: chromium! });
        await done(i, readFileSync(pdf));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Headless Chromium printing one page to PDF, with no header or footer of its own and a fresh profile. */
export function chromiumArgs(profile: string, pdf: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`,
  ];
}

/**
 * One soffice call for all the files. It names each file on stdout as it
 * starts on it ("convert …/3.docx -> …/3.pdf"), so the PDFs before it are
 * ready: each is handed to `done` then, the last ones when soffice exits.
 */
function convertWithLibreOffice(
  soffice: string,
  files: readonly string[],
  dir: string,
  env: NodeJS.ProcessEnv,
  done: (index: number, pdf: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const child = spawn(soffice, ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let next = 0;
  let chain = Promise.resolve();
  const deliver = (upTo: number) => {
    for (; next < upTo; next++) {
      const index = next;
      chain = chain.then(async () => {
        const pdf = join(dir, `${index}.pdf`);
        if (!existsSync(pdf)) throw new ReplyError('pdf.failed', { tool: soffice });
        await done(index, readFileSync(pdf));
      });
      // Handled when soffice exits; until then a failure must not count as unhandled.
      chain.catch(() => undefined);
    }
  };
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const m = /convert .*[\\/](\d+)\.docx\b/.exec(line);
      if (m) deliver(Number(m[1]));
    }
  });
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
    // soffice.bin, started by the soffice script, may hold the pipe open: 'close' waits for it.
    child.stdout.destroy();
  }, 120_000 + 2_000 * files.length);
  return new Promise((resolve, reject) => {
    child.on('error', () => reject(new ReplyError('pdf.failed', { tool: soffice })));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new ReplyError('pdf.failed', { tool: soffice }));
        return;
      }
      deliver(files.length);
      chain.then(resolve, reject);
    });
  });
}

