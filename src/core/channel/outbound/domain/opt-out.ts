/**
 * What a citizen's message says about status updates: STOP / BERHENTI ends
 * them, START / MULAI brings them back. Only a message that is the keyword
 * alone counts ("stop", "Berhenti!"), so "tolong stop banjirnya" is a report,
 * not an opt-out.
 *
 * @example
 * optOutKeyword(' Berhenti. '); // 'OUT'
 * optOutKeyword('mulai');       // 'IN'
 * optOutKeyword('stop kontak rusak'); // null
 */
export function optOutKeyword(text: string | null | undefined): 'OUT' | 'IN' | null {
  const word = (text ?? '').trim().replace(/[.!]+$/, '').trim().toUpperCase();
  if (word === 'STOP' || word === 'BERHENTI') return 'OUT';
  if (word === 'START' || word === 'MULAI') return 'IN';
  return null;
}
