import type { Problem } from '../../api/types';

export interface ImportRowError {
  key: number;
  row: number | null;
  field: string;
  /** The column's header in the reader's language, as the server names it. */
  column?: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * The server names a cell as `row <n>.<field>`, and the column's header in `params.column`;
 * anything else is kept whole as the field.
 */
export function importRowErrors(problem: Problem): ImportRowError[] {
  return (problem.errors ?? []).map((error, key) => {
    const match = /^row (\d+)\.?(.*)$/.exec(error.path);
    const column = error.params?.column;
    const why = {
      message: error.message,
      code: error.code,
      params: error.params,
      ...(typeof column === 'string' ? { column } : {}),
    };
    return match
      ? { key, row: Number(match[1]), field: match[2] ?? '', ...why }
      : { key, row: null, field: error.path, ...why };
  });
}
