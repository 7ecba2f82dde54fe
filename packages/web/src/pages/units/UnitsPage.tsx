import { Button, Flex, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { useFeedback } from '../../components/Feedback';
import { LoadFailed } from '../../components/LoadFailed';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { RowActionButton } from '../../components/rowActions';
import { useProblemHandler } from '../../components/useProblemHandler';
import { useSession } from '../../session/SessionContext';
import { UnitExcel } from './UnitExcel';
import { type UnitDraft, UnitFormModal } from './UnitFormModal';
import { buildUnitTree, type UnitNode } from './unitTree';

export function UnitsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { can } = useSession();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const { units, loading, error, reload } = useUnits();
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const [draft, setDraft] = useState<UnitDraft | null>(null);

  const remove = async (unit: UnitNode) => {
    try {
      unwrap(await api.DELETE('/api/v1/units/{id}', { params: { path: { id: unit.id } } }));
      void message.success(t('units.deleted'));
      await reload();
    } catch (error) {
      onProblem(error);
    }
  };

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('units.fields.name'),
      key: 'name',
      render: (_, unit) => (
        <Space size={4} wrap>
          {unit.name}
          {unit.isDemo && <Tag>{t('common.demo')}</Tag>}
        </Space>
      ),
    },
    { title: t('units.fields.code'), dataIndex: 'code', key: 'code' },
    {
      title: t('units.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind) => t(`units.kinds.${kind}`),
    },
    { title: t('units.fields.sort'), dataIndex: 'sort', key: 'sort' },
    ...(can('unit.update') || can('unit.create') || can('unit.delete')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, unit: UnitNode) => (
              <Space size={0} wrap>
                {can('unit.update', unit.path) && (
                  <RowActionButton
                    type="link"
                    onClick={() => setDraft({ unit })}
                    action={t('common.edit')}
                    row={unit.name}
                  />
                )}
                {can('unit.create', unit.path) && (
                  <RowActionButton
                    type="link"
                    onClick={() => setDraft({ parentId: unit.id })}
                    action={t('units.addChild')}
                    row={unit.name}
                  />
                )}
                {can('unit.delete', unit.path) && (
                  <Popconfirm
                    title={t('units.confirmDelete', { name: unit.name })}
                    // A unit with units below it cannot go: said before, and not offered. Whether roles
                    // or records still name it only the server knows, so the rule is said beforehand.
                    description={unit.children ? t('units.deleteHasChildren') : t('units.deleteInUse')}
                    okButtonProps={{ disabled: Boolean(unit.children?.length) }}
                    onConfirm={() => remove(unit)}
                  >
                    <RowActionButton type="link" danger action={t('common.delete')} row={unit.name} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Title level={3}>{t('units.title')}</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {can('unit.create') && (
          <Button
            type="primary"
            data-testid="unit-create"
            // With one district at the top, new units most likely belong under it.
            onClick={() => setDraft({ parentId: tree.length === 1 ? (tree[0]?.id ?? null) : null })}
          >
            {t('units.create')}
          </Button>
        )}
        <UnitExcel canImport={can('unit.import')} onImported={() => void reload()} />
      </Flex>
      {/* A tree that could not be loaded says so, with a retry; never an empty "no data" table. */}
      {error !== null && !loading && <LoadFailed onRetry={() => void reload()} />}
      {(error === null || loading || units.length > 0) && (
        <Table<UnitNode>
          // Remounted once the list arrives, so the top level opens expanded.
          key={tree.length > 0 ? 'loaded' : 'empty'}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            defaultExpandedRowKeys: tree.map((node) => node.id),
            expandIcon: namedExpandIcon(t, (node: UnitNode) => node.name),
          }}
        />
      )}
      <UnitFormModal
        draft={draft}
        tree={tree}
        onClose={() => setDraft(null)}
        onSaved={() => {
          setDraft(null);
          void message.success(t('common.saved'));
          void reload();
        }}
      />
    </>
  );
}
