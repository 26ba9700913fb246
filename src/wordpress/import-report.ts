/** What one kind of WordPress object came to in a run. */
export interface KindCount {
  /** Imported by this run (or, with --dry-run, that would be). */
  added: number;
  /** Imported by an earlier run: skipped. */
  existing: number;
  /** Not imported (see the reasons). */
  skipped: number;
}

export const REPORT_KINDS = [
  'authors',
  'sections',
  'attachments',
  'posts',
  'comments',
  'redirects',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The import's report: counts per kind, and what was left out or changed, with examples. */
export interface ImportReport {
  dryRun: boolean;
  counts: Record<ReportKind, KindCount>;
  /** Reason → how many times, and the first few things it concerned. */
  notes: Record<string, { count: number; examples: string[] }>;
}

/** An empty report. */
export function newReport(dryRun: boolean): ImportReport {
  const counts = Object.fromEntries(
    REPORT_KINDS.map((k) => [k, { added: 0, existing: 0, skipped: 0 }]),
  ) as Record<ReportKind, KindCount>;
  return { dryRun, counts, notes: {} };
}

/** Notes one thing left out or changed, keeping five examples per reason. */
export function note(report: ImportReport, reason: string, example: string): void {
  const entry = (report.notes[reason] ??= { count: 0, examples: [] });
  entry.count++;
  if (entry.examples.length < 5 && example) entry.examples.push(example.slice(0, 120));
}

/** The report as the command prints it. */
export function formatReport(report: ImportReport): string {
  const verb = report.dryRun ? 'would import' : 'imported';
  const lines = [
    report.dryRun ? 'Dry run: nothing was written.' : 'WordPress import finished.',
    '',
    `  ${'kind'.padEnd(12)} ${verb.padStart(13)} ${'already here'.padStart(13)} ${'skipped'.padStart(8)}`,
  ];
  for (const kind of REPORT_KINDS) {
    const c = report.counts[kind];
    lines.push(
      `  ${kind.padEnd(12)} ${String(c.added).padStart(13)} ${String(c.existing).padStart(13)} ${String(c.skipped).padStart(8)}`,
    );
  }
  const notes = Object.entries(report.notes);
  if (notes.length) {
    lines.push('', 'Skipped or changed:');
    for (const [reason, { count, examples }] of notes)
      lines.push(`  ${reason}: ${count}${examples.length ? ` (${examples.join('; ')})` : ''}`);
  }
  return lines.join('\n');
}
