/**
 * Refuses passwords a night-shift attacker would guess first. Pure: the
 * configuration checks the bootstrap admin's password with it before anything
 * starts, and every password change is checked with it too.
 *
 * @example
 * passwordProblems('putu-2026-bangli', 'putu'); // ['password: must not contain the username']
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('password: at least 12 characters');
  if (password.length > 256) problems.push('password: at most 256 characters');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('password: must not contain the username');
  if (new Set(password).size < 5) problems.push('password: too few different characters');
  return problems;
}
