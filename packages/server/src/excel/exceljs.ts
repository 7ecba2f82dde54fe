import type * as ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

/**
 * exceljs, loaded on first use: importing it (with its zip, stream and polyfill dependencies)
 * took about a second of a process's start, paid by every `qianxing` command and server that
 * never touches a workbook.
 */
export function exceljs(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJSModule }).default);
  return loading;
}
