/**
 * The figures every bench reports, collected for the summary at the end of
 * `npm run bench` and for `docs/performance.md` (`npm run bench -- --write-docs`).
 * Each figure stands beside a baseline measured in the same run, so the ratio
 * means the same on a fast and a slow machine.
 */
export interface Figure {
  /** What was measured (`generate, 1,000 tools`). */
  figure: string;
  /** The measured value, with its unit. */
  value: string;
  /** The baseline, named, with its value (`json-schema-to-typescript alone: 3,587 ms`). */
  baseline: string;
  /** value / baseline, when both are numbers of the same unit. */
  ratio?: number;
  /** The target in words (`< 3 s and < 1.00x`). */
  target: string;
  /** Whether the target holds in this run. */
  met?: boolean;
  /** How to measure it alone. */
  command: string;
}

const figures: Figure[] = [];

export function record(figure: Figure): void {
  figures.push(figure);
}

export function recordedFigures(): readonly Figure[] {
  return figures;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The figures as a Markdown table (figure, value, baseline, ratio, target, met, command). */
export function figuresTable(list: readonly Figure[]): string {
  const rows = list.map((f) =>
    [f.figure, f.value, f.baseline, f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`, f.target, f.met === undefined ? '' : f.met ? 'met' : 'NOT MET', `\`${f.command}\``]
      .map(cell)
      .join(' | '),
  );
  return ['| figure | value | baseline | ratio | target | met | command |', '|---|---|---|---|---|---|---|', ...rows.map((r) => `| ${r} |`)].join('\n');
}
