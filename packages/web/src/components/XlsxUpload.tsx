import { Button, type ButtonProps, Upload } from 'antd';
import type { ReactNode } from 'react';

/**
 * The button that picks a workbook for an import: the file goes to `upload` (see useFileImport)
 * instead of antd's own upload, and no upload list is shown, since the import answers for it.
 */
export function XlsxUpload({
  upload,
  importing,
  children,
  ...button
}: { upload(file: File): Promise<void>; importing: boolean; children: ReactNode } & Omit<
  ButtonProps,
  'loading' | 'children'
>) {
  return (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button loading={importing} {...button}>
        {children}
      </Button>
    </Upload>
  );
}
