import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { AuditEvent } from '../../api/types';
import { useUnits } from '../../api/useUnits';
import { momentInChina } from '../../components/dayInChina';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type AuditFilter, AuditFilters } from './AuditFilters';
import { ChainStatus } from './ChainStatus';
import { ChangeList } from './ChangeList';
import { EntityCell } from './EntityCell';
import { actionName } from './names';
import { RequestIdCell } from './RequestIdCell';

const PAGE_SIZE = 50;

/** The audit log, newest first. The API tells only whether more follows, so paging is previous/next. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  // One entity's trail, linked from its page (a firm's request in the console, say).
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? undefined;
  const entityId = params.get('entityId') ?? undefined;
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ hasMore: boolean; items: AuditEvent[] }>({ hasMore: false, items: [] });
  const [loading, setLoading] = useState(false);
  // Units are named in what an event recorded; until they load (or if they fail) their ids show.
  const { units } = useUnits();
  const unitNames = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const query = Object.fromEntries(
        Object.entries({ ...filter, ...(entityId ? { entityType, entityId } : {}) }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      setData(
        unwrap(
          await api.GET('/api/v1/audit/events', {
            params: { query: { ...query, page, pageSize: PAGE_SIZE } },
          }),
        ),
      );
    } catch (error) {
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [api, filter, page, onProblem, entityType, entityId]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.fields.seq'),
      dataIndex: 'seq',
      key: 'seq',
      render: (seq: number | null) => seq ?? '—',
    },
    {
      title: t('audit.fields.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => momentInChina(at),
    },
    {
      title: t('audit.fields.actor'),
      key: 'actor',
      // The platform's own names for itself (seed, reminders) are worded; a person's login is not.
      render: (_, e) => (e.actorIsSystem ? t(`audit.actors.${e.actor}`, { defaultValue: e.actor }) : e.actor),
    },
    {
      title: t('audit.fields.action'),
      dataIndex: 'action',
      key: 'action',
      // Widths let long names wrap, so the request id keeps its place in a 1280 px window.
      width: 200,
      render: (action: string) => <span title={action}>{actionName(t, action)}</span>,
    },
    {
      title: t('audit.fields.entityId'),
      key: 'entity',
      width: 300,
      render: (_, event) => <EntityCell event={event} />,
    },
    {
      title: t('audit.fields.requestId'),
      dataIndex: 'requestId',
      key: 'requestId',
      render: (requestId: string | null) => <RequestIdCell requestId={requestId} />,
    },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <ChainStatus />
      {entityId && (
        <Tag closable onClose={() => setParams({})} style={{ marginBottom: 12 }} data-testid="audit-entity">
          {t('audit.entityTrail', {
            type: t(`audit.entityTypes.${entityType}`, { defaultValue: entityType }),
          })}
        </Tag>
      )}
      <AuditFilters
        onChange={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandIcon: namedExpandIcon(
            t,
            (event: AuditEvent) => `${actionName(t, event.action)} · ${momentInChina(event.at)}`,
          ),
          expandedRowRender: (event) => (
            <Flex gap={16} wrap>
              <div style={{ flex: '1 1 280px', minWidth: 0 }}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <ChangeList value={event.before} units={unitNames} />
              </div>
              <div style={{ flex: '1 1 280px', minWidth: 0 }}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <ChangeList value={event.after} units={unitNames} />
              </div>
            </Flex>
          ),
        }}
      />
      <Flex gap={8} align="center" justify="flex-end" style={{ marginTop: 16 }}>
        <Button disabled={page <= 1 || loading} onClick={() => setPage((p) => p - 1)}>
          {t('common.previous')}
        </Button>
        <Typography.Text>{t('common.page', { page })}</Typography.Text>
        <Button disabled={!data.hasMore || loading} onClick={() => setPage((p) => p + 1)}>
          {t('common.next')}
        </Button>
      </Flex>
    </>
  );
}
