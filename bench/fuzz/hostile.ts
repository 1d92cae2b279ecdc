// Hostile inputs through the real CLI, one process each, timed and measured with
// /usr/bin/time (wall seconds and peak RSS). Every one must end in under 30 s and 1 GB with an
// error naming the file. Run by `npm run bench:fuzz`, or alone: npx tsx bench/fuzz/hostile.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  binEmptyFirstRecord,
  binOddFirstRecord,
  cutGzipNdjson,
  fifo,
  gzipLabelsBomb,
  idxImagesAsLabels,
  idxPair,
  manyProblemsNdjson,
  ndjsonWithBom,
  ndjsonWithNul,
  realLines,
} from '../../tests/helpers/hostile-files';
import { HOSTILE_MODELS } from '../../tests/helpers/hostile-models';
import { encodeIdxImages } from '../../src/engine/data/formats/encode';
import { sharedData } from '../../tests/helpers/shared-data';

const LIMIT_SECONDS = 30;
const LIMIT_RSS_MB = 1024;
const CLI = resolve('bin/latentdraw.js');

interface Case {
  name: string;
  args: string[];
  /** Text the output must contain (the file's name, the message). */
  expect: string[];
}

const root = mkdtempSync(join(tmpdir(), 'latentdraw-hostile-'));
const home = join(root, 'home');
mkdirSync(home);
const cats = realLines(sharedData('quickdraw/simplified-ndjson/cat.ndjson'), 25);
const digit = sharedData('mnist/t10k-images-idx3-ubyte.gz');

async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  const bomb = await gzipLabelsBomb(join(root, 'bomb-labels-idx1-ubyte.gz'), 150_000_000, 150 << 20);
  out.push({
    name: 'gzip labels bomb, 150 M declared, 150 MB expanded: inspect',
    args: ['inspect', bomb],
    expect: [bomb, 'declares 150000000 items'],
  });
  const long = await gzipLabelsBomb(join(root, 'long-labels-idx1-ubyte.gz'), 1 << 24, 150 << 20);
  out.push({
    name: 'gzip labels, 16 Mi declared, 150 MB expanded: inspect',
    args: ['inspect', long],
    expect: [long, 'expands more than'],
  });
  out.push({
    name: 'gzip labels, 16 Mi declared, 150 MB expanded: import',
    args: ['import', long],
    expect: [long, 'idx-labels'],
  });
  const images = join(root, 'huge-images-idx3-ubyte');
  const header = encodeIdxImages([new Uint8Array(784)]);
  header.writeUInt32BE(4_000_000, 4);
  writeFileSync(images, header);
  out.push({
    name: 'IDX images header declaring 3 GB: inspect',
    args: ['inspect', images],
    expect: [images, 'declares 4000000 items'],
  });
  const many = manyProblemsNdjson(join(root, 'cat.ndjson'), cats, 200_000);
  out.push({
    name: '25 good drawings + 200,000 bad lines: import',
    args: ['import', many],
    expect: [many, '25 added', 'more problems'],
  });
  const huge = manyProblemsNdjson(join(root, 'dog.ndjson'), cats, 5_000_000);
  out.push({
    name: '5,000,000 bad lines: inspect --json',
    args: ['inspect', '--json', huge],
    expect: [huge, 'more problems'],
  });
  const pair = idxPair(join(root, 'pair'), 10, 3);
  out.push({
    name: '10 IDX images beside 3 labels: import',
    args: ['import', pair.images],
    expect: [pair.images, '10 images but 3 labels'],
  });
  const odd = idxImagesAsLabels(join(root, 'odd'));
  out.push({
    name: 'labels sibling that is images: import',
    args: ['import', odd.images],
    expect: [odd.labels, 'not IDX labels'],
  });
  const bin5 = binOddFirstRecord(join(root, 'odd.bin'));
  out.push({
    name: 'first .bin record recognized=5: inspect',
    args: ['inspect', bin5],
    expect: [bin5, 'recognized flag must be 0 or 1, found 5'],
  });
  const bin0 = binEmptyFirstRecord(join(root, 'empty-first.bin'));
  out.push({
    name: 'first .bin record with 0 strokes: inspect',
    args: ['inspect', bin0],
    expect: [bin0, 'drawings    2'],
  });
  const bom = ndjsonWithBom(join(root, 'bom.ndjson'), cats.slice(0, 3));
  out.push({ name: 'NDJSON with a BOM: inspect', args: ['inspect', bom], expect: [bom, 'drawings    3'] });
  const nul = ndjsonWithNul(join(root, 'nul.data'), cats.slice(0, 3));
  out.push({ name: 'NUL bytes in line 2: inspect', args: ['inspect', nul], expect: [nul, 'line 2'] });
  const folder = join(root, 'a-folder.bin');
  mkdirSync(folder);
  out.push({
    name: 'a folder given as a file: inspect',
    args: ['inspect', folder],
    expect: [folder, 'not a regular file'],
  });
  const pipe = fifo(join(root, 'pipe.ndjson'));
  out.push({ name: 'a FIFO given as a file: inspect', args: ['inspect', pipe], expect: [pipe, 'not a regular file'] });
  const cut = cutGzipNdjson(join(root, 'cut.ndjson.gz'), cats);
  out.push({
    name: `small gzip NDJSON cut mid-stream: inspect (${cut.complete} whole lines before the cut)`,
    args: ['inspect', cut.path],
    expect: [cut.path, `drawings    ${cut.complete}`, 'cut off'],
  });
  // Sizes past the memory budget are refused before anything big is allocated.
  const vae = resolve('resources/models/mnist-vae');
  out.push({
    name: 'decode --scale 2000 (a 56,000-pixel square picture)',
    args: ['decode', '--model', vae, ...'--z 0,0 --scale 2000 --out'.split(' '), join(root, 'huge.png')],
    expect: ['this picture would need about', 'lower --scale'],
  });
  const train = (flags: string) => ['train', '--data', digit, ...flags.split(' '), '--out', join(root, 'too-big')];
  for (const flags of ['--latent 100000', '--hidden 1000000']) {
    out.push({
      name: `train ${flags}`,
      args: train(`--limit 300 --model mlp-vae ${flags}`),
      expect: [`${flags.split(' ')[0]} must be an integer in [1, `],
    });
  }
  out.push({
    name: "train at the contract's maxima (conv-vae, batch 4096, latent 256)",
    args: train('--limit 300 --model conv-vae --batch 4096 --latent 256'),
    expect: ['this run would need about', 'lower the batch size'],
  });
  const models = join(root, 'models');
  mkdirSync(models);
  for (const [name, make] of Object.entries(HOSTILE_MODELS)) {
    const model = make(models);
    out.push({
      name: `model: ${name}: encode`,
      args: ['encode', '--model', model, digit, '--limit', '2'],
      expect: [models],
    });
  }
  return out;
}

function run(c: Case): { ok: boolean; line: string } {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, CLI, ...c.args], {
    encoding: 'utf8',
    env: { ...process.env, LATENTDRAW_HOME: home },
    timeout: 120_000,
    maxBuffer: 256 << 20,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const m = /TIME ([\d.]+) (\d+)/.exec(result.stderr ?? '');
  const seconds = m ? Number(m[1]) : Infinity;
  const rssMb = m ? Number(m[2]) / 1024 : Infinity;
  const named = c.expect.every((text) => output.includes(text));
  const ok = seconds < LIMIT_SECONDS && rssMb < LIMIT_RSS_MB && named && result.signal === null;
  const first = (result.stderr.split('\n').find((l) => l && !l.startsWith('TIME')) ?? '').slice(0, 110);
  const bytes = (result.stdout ?? '').length;
  const line = `${ok ? 'ok  ' : 'FAIL'} ${seconds.toFixed(1).padStart(5)} s ${rssMb.toFixed(0).padStart(5)} MB  exit ${result.status ?? result.signal}  out ${bytes} B  ${c.name}${named ? '' : '  (output does not name the file/message)'}${first ? `\n       ${first}` : ''}`;
  return { ok, line };
}

if (!existsSync(CLI) || !existsSync(resolve('out/cli/index.js'))) throw new Error('build first: npm run build');
let failed = 0;
console.log(`hostile inputs through the CLI (limits: ${LIMIT_SECONDS} s, ${LIMIT_RSS_MB} MB peak RSS)`);
for (const c of await cases()) {
  const { ok, line } = run(c);
  if (!ok) failed++;
  console.log(line);
}
rmSync(root, { recursive: true, force: true });
console.log(failed ? `${failed} hostile inputs over a limit` : 'every hostile input within the limits');
process.exit(failed ? 1 : 0);
