/**
 * How close a clock is to its target, for the board's colour (always with a text label, never colour
 * alone). The bands follow the default escalation ladder's warnings at 50, 75 and 90 % of the target.
 */
export type SlaLevel = 'done' | 'ok' | 'watch' | 'warn' | 'breach';

export function slaLevel(percentElapsed: number | null | undefined, breached = false): SlaLevel {
  if (breached) return 'breach';
  if (percentElapsed === null || percentElapsed === undefined) return 'done';
  if (percentElapsed >= 100) return 'breach';
  if (percentElapsed >= 75) return 'warn';
  if (percentElapsed >= 50) return 'watch';
  return 'ok';
}

/** A whole percent for display ("83"). */
export function percentText(percent: number | null | undefined): string {
  return percent === null || percent === undefined ? '—' : String(Math.round(percent));
}
