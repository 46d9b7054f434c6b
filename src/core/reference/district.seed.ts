/**
 * Bangli's four districts (../shared/domain/bangli.md). Kintamani first: it is
 * the largest and holds Mount Batur, so call takers pick it most often.
 */
export const DISTRICT_SEED: ReadonlyArray<{ code: string; name: string; sortOrder: number }> = [
  { code: 'KINTAMANI', name: 'Kintamani', sortOrder: 1 },
  { code: 'BANGLI', name: 'Bangli', sortOrder: 2 },
  { code: 'SUSUT', name: 'Susut', sortOrder: 3 },
  { code: 'TEMBUKU', name: 'Tembuku', sortOrder: 4 },
];
