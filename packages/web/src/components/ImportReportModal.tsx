import { Alert, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../api/fieldMessage';
import type { ImportRowError } from '../pages/units/importReport';
import { fixedPaging } from './fixedPaging';

/**
 * The row-level report of a refused import (row, field, why). `keys` is the i18n prefix whose
 * `reportTitle`, `reportHint`, `row`, `field` and `why` give the wording of each page.
 */
export function ImportReportModal({
  report,
  onClose,
  keys,
}: {
  report: ImportRowError[] | null;
  onClose: () => void;
  keys: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={report !== null}
      title={t(`${keys}.reportTitle`)}
      onCancel={onClose}
      footer={null}
      width={720}
    >
      <Alert type="error" showIcon title={t(`${keys}.reportHint`)} style={{ marginBottom: 16 }} />
      <Table<ImportRowError>
        rowKey="key"
        size="small"
        dataSource={report ?? []}
        pagination={{ ...fixedPaging(), hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t(`${keys}.row`), dataIndex: 'row', render: (row: number | null) => row ?? '—' },
          { title: t(`${keys}.field`), dataIndex: 'field' },
          { title: t(`${keys}.why`), key: 'why', render: (_, e) => fieldMessage(t, e) },
        ]}
      />
    </Modal>
  );
}
