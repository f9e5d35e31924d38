// The bench's inputs: the corpus, subsets of its first N files, bundles built from them by the
// release CLI (timed, with peak memory), and the byte sizes of bundles and app files.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const run = promisify(execFile);

/** The bench's queries (and profile-keystrokes.mjs's), typed one character at a time: every
 * prefix is a keystroke. */
export const QUERIES = ['dan van', 'dân vận khéo', '"giao ban"', 'hoi nghi tong ket', 'tinh:ha noi',
  'nam:2017 bong da', 'Việt Nam', 'kinh te', '"thủ tướng"', 'covid', '-bong da'];
const gzipAsync = promisify(gzip);

/** Unpacks the corpus tarball into `corpusDir` unless it is already there; returns its .txt names, sorted. */
export async function corpusFiles(tarball, corpusDir) {
  const data = join(corpusDir, 'data');
  if (!existsSync(data)) {
    await mkdir(corpusDir, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', corpusDir]);
  }
  // Plain code-unit order: the same order as the CLI's sorted paths for these ASCII names.
  return { data, files: (await readdir(data)).filter((f) => f.endsWith('.txt')).sort() };
}

/** A folder of symlinks to the first `n` corpus files, reused when it already holds exactly those. */
export async function subset(corpus, n, dir) {
  const wanted = corpus.files.slice(0, n);
  const have = existsSync(dir) ? (await readdir(dir)).sort() : [];
  if (have.length === wanted.length && have.every((f, i) => f === wanted[i])) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of wanted) await symlink(resolve(corpus.data, f), join(dir, f));
  return dir;
}

/**
 * Runs `hoinghi bundle input -o out` under GNU time. Exit 2 (some files skipped) still wrote a
 * bundle, so it counts as success.
 */
export async function buildBundle(cli, input, out, title) {
  const started = process.hrtime.bigint();
  let result;
  try {
    result = await run('/usr/bin/time', ['-v', cli, 'bundle', input, '-o', out, '--title', title],
      { maxBuffer: 64 << 20 });
  } catch (e) {
    if (e.code !== 2) throw new Error(`hoinghi bundle ${input} failed (${e.code}): ${e.stderr}`);
    result = e;
  }
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const articles = Number(/articles written:\s+(\d+)/.exec(result.stdout)?.[1] ?? NaN);
  const skipped = Number(/skipped files:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
  const maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { wallS, articles, skipped, maxRssBytes: maxRssKb * 1024 };
}

/** Runs `hoinghi shard bundle -o dir` (default shard sizes), timed. */
export async function buildSharded(cli, bundle, dir) {
  const started = process.hrtime.bigint();
  await rm(dir, { recursive: true, force: true });
  await run(cli, ['shard', bundle, '-o', dir], { maxBuffer: 16 << 20 });
  return { wallS: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Raw and gzip bytes of every file in `dir` together, and how many files. */
export async function dirSizes(dir) {
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map((f) => fileSizes(join(dir, f))));
  return { files: names.length, raw: sizes.reduce((s, x) => s + x.raw, 0), gzip: sizes.reduce((s, x) => s + x.gzip, 0) };
}

const gzipCache = new Map();

/** Raw and gzip (zlib level 6, what static servers commonly use) bytes of a file. */
export async function fileSizes(path) {
  const { size, mtimeMs } = await stat(path);
  const key = `${path}:${size}:${mtimeMs}`;
  if (!gzipCache.has(key)) gzipCache.set(key, (await gzipAsync(await readFile(path), { level: 6 })).length);
  return { raw: size, gzip: gzipCache.get(key) };
}
