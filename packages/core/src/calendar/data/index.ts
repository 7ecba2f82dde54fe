import type { YearArrangement } from '../arrangement.js';
import { year2020 } from './2020.js';
import { year2021 } from './2021.js';
import { year2022 } from './2022.js';
import { year2023 } from './2023.js';
import { year2024 } from './2024.js';
import { year2025 } from './2025.js';
import { year2026 } from './2026.js';

/** The years the built-in calendar knows. Add a year: write `<year>.ts`, list it here. */
export const officialArrangements: readonly YearArrangement[] = [
  year2020,
  year2021,
  year2022,
  year2023,
  year2024,
  year2025,
  year2026,
];
