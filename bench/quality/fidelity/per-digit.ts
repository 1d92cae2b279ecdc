/**
 * The fidelity figures digit by digit and style by style: a model that keeps 90 % of the drawn
 * digits can still lose most of one digit, or of one way of writing it (a European 1, a crossed
 * 7), and the mean hides that. Digit models only: the rows that carry the judge's per-digit figures.
 */
import type { SetScore, StyleKept } from './score';

export interface PerDigitRow {
  name: string;
  drawn?: SetScore;
  heldOut: SetScore;
}

/** The weakest styles shown: enough to see every weak spot, few enough to read. */
export const WEAKEST_STYLES = 12;
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export const pct = (v: number | undefined) => (v === undefined ? '—' : `${(100 * v).toFixed(1)} %`);

const judged = (rows: readonly PerDigitRow[]) => rows.filter((r) => r.drawn?.perDigit ?? r.heldOut.perDigit);
const keptOn = (score: SetScore | undefined, label: number) => score?.perDigit?.find((d) => d.label === label)?.kept;

/** The held-out digit a model keeps least, as "7: 91.2 %". */
function weakestHeldOut(r: PerDigitRow): string {
  const digits = r.heldOut.perDigit ?? [];
  if (digits.length === 0) return '—';
  const worst = digits.reduce((a, b) => (b.kept < a.kept ? b : a));
  return `${worst.label}: ${pct(worst.kept)}`;
}

interface StyleLine {
  style: string;
  count: number;
  judgeOnInputs: number;
  /** Per row, in the rows' order; undefined where a model has no figure for it. */
  kept: (StyleKept | undefined)[];
  mean: number;
}

/** Styles by their mean kept share over the models, weakest first, at most WEAKEST_STYLES. */
function weakestStyles(rows: readonly PerDigitRow[]): StyleLine[] {
  const names = [...new Set(rows.flatMap((r) => r.drawn?.perStyle?.map((s) => s.style) ?? []))];
  const lines = names.map((style): StyleLine => {
    const kept = rows.map((r) => r.drawn?.perStyle?.find((s) => s.style === style));
    const known = kept.filter((k) => k !== undefined);
    const first = known[0];
    return {
      style,
      count: first?.count ?? 0,
      // The inputs are the same drawings for every digit model: the first model's reading stands for all.
      judgeOnInputs: first?.judgeOnInputs ?? 0,
      kept,
      mean: known.reduce((sum, k) => sum + k.kept, 0) / Math.max(known.length, 1),
    };
  });
  return lines.sort((a, b) => a.mean - b.mean).slice(0, WEAKEST_STYLES);
}

/** A kept share and, where some were lost, the digit they most often came back as. */
const keptCell = (k: StyleKept | undefined) =>
  k === undefined ? '—' : `${pct(k.kept)}${k.misreadAs === undefined ? '' : ` →${k.misreadAs}`}`;

/** Two Markdown tables for resources/models/REPORT.md: kept per drawn digit, and the weakest styles. */
export function perDigitMarkdown(rows: readonly PerDigitRow[]): string[] {
  const models = judged(rows);
  if (models.length === 0) return [];
  const out = [
    `| model | ${DIGITS.join(' | ')} | weakest held-out digit |`,
    `|---|${DIGITS.map(() => '---|').join('')}---|`,
    ...models.map(
      (r) => `| ${r.name} | ${DIGITS.map((d) => pct(keptOn(r.drawn, d))).join(' | ')} | ${weakestHeldOut(r)} |`,
    ),
  ];
  const styles = weakestStyles(models);
  if (styles.length === 0) return out;
  return [
    ...out,
    '',
    `| drawn style | n | judge on inputs | ${models.map((r) => r.name).join(' | ')} |`,
    `|---|---|---|${models.map(() => '---|').join('')}`,
    ...styles.map((s) => `| ${s.style} | ${s.count} | ${pct(s.judgeOnInputs)} | ${s.kept.map(keptCell).join(' | ')} |`),
  ];
}

/** The same for the console. */
export function perDigitLines(rows: readonly PerDigitRow[]): string[] {
  const models = judged(rows);
  if (models.length === 0) return [];
  const width = Math.max(14, ...models.map((r) => r.name.length));
  const out = [
    `${'kept, drawn'.padEnd(width)} ${DIGITS.map((d) => String(d).padStart(7)).join(' ')}  weakest held-out`,
    ...models.map(
      (r) =>
        `${r.name.padEnd(width)} ${DIGITS.map((d) => pct(keptOn(r.drawn, d)).padStart(7)).join(' ')}  ${weakestHeldOut(r)}`,
    ),
  ];
  const styles = weakestStyles(models);
  if (styles.length === 0) return out;
  const styleWidth = Math.max(...styles.map((s) => s.style.length));
  return [
    ...out,
    `weakest drawn styles (n, judge on inputs, then kept per model: ${models.map((r) => r.name).join(', ')})`,
    ...styles.map(
      (s) =>
        `  ${s.style.padEnd(styleWidth)} n ${String(s.count).padStart(3)}  judge ${pct(s.judgeOnInputs).padStart(7)}  ` +
        s.kept.map((k) => keptCell(k).padEnd(11)).join(' '),
    ),
  ];
}
