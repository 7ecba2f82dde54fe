/**
 * Random consistency index RI(n) for n = 1..15, by table. Sources in docs/methods/scoring.md.
 */
export const randomIndexTables = {
  saaty1980: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  chinese: [0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
  saaty2005: [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
  donegan_dodd1991: [
    0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822,
    1.4969,
  ],
  tummala_ling1998: [
    0, 0, 0.5799, 0.8921, 1.1159, 1.2358, 1.3322, 1.3952, 1.4537, 1.4882, 1.5117, 1.5356, 1.5571, 1.5714,
    1.5831,
  ],
} as const satisfies Record<string, readonly number[]>;

export type RandomIndexTable = keyof typeof randomIndexTables;
export const randomIndexTableNames = Object.keys(randomIndexTables) as [
  RandomIndexTable,
  ...RandomIndexTable[],
];
/** The largest matrix every table covers. */
export const MAX_PAIRWISE_SIZE = 15;

export function randomIndex(table: RandomIndexTable, n: number): number {
  const value = randomIndexTables[table][n - 1];
  if (value === undefined) throw new RangeError(`no random index for n = ${n}`);
  return value;
}
