import type { PaginationProps } from 'antd';

/** The rows a page of a list whose size the reader cannot change; the query asks the server for as many. */
export const FIXED_PAGE_SIZE = 20;

type ServerPage = { page: number; total: number; onChange: (page: number) => void };

/**
 * A table's or list's pagination at twenty rows a page without a size picker (antd shows one past fifty
 * rows unless told not to). Given the server's page, the table follows it; without, it pages its
 * own rows.
 */
export function fixedPaging(server?: ServerPage): PaginationProps {
  const fixed = { pageSize: FIXED_PAGE_SIZE, showSizeChanger: false };
  if (!server) return fixed;
  return { ...fixed, current: server.page, total: server.total, onChange: server.onChange };
}
