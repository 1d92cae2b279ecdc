// Runs Electronegativity over the sources and fails on any HIGH or MEDIUM finding that is
// not justified by a comment `electronegativity-justified: CHECK_NAME — why` on the finding's
// line or the three lines above it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(scratch, 'report.csv');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
try {
  execFileSync(
    process.execPath,
    [
      'node_modules/@doyensec/electronegativity/dist/index.js',
      '-i',
      'src',
      '-r',
      '-e',
      pkg.optionalDependencies.electron,
      '-o',
      report,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
} catch (error) {
  console.error(`electronegativity failed to run: ${error.message}`);
  process.exit(1);
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean).map(parseCsvLine);
rmSync(scratch, { recursive: true, force: true });

const unjustified = [];
const justified = [];
for (const [check, severity, , file, location, , description] of rows) {
  if (severity !== 'HIGH' && severity !== 'MEDIUM') continue;
  const line = Number(location.split(':')[0]);
  const lines = readFileSync(join('src', file), 'utf8').split('\n');
  const context = lines.slice(Math.max(0, line - 4), line).join('\n');
  const finding = `${severity} ${check} at src/${file}:${location} — ${description}`;
  if (context.includes(`electronegativity-justified: ${check}`)) justified.push(finding);
  else unjustified.push(finding);
}

console.log(
  `Electronegativity: ${rows.length} findings, ${justified.length} high/medium justified in code, ${unjustified.length} unjustified.`,
);
for (const f of justified) console.log(`  justified: ${f}`);
for (const f of unjustified) console.error(`  UNJUSTIFIED: ${f}`);
process.exit(unjustified.length ? 1 : 0);
