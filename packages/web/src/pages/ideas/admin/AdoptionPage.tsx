import { Button, Flex, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { useSession } from '../../../session/SessionContext';
import { ReformAdoptModal } from '../../reforms/ReformAdoptModal';
import { ActionCard } from '../ActionCard';
import { type AdoptedAction, useLoad, useTowns } from '../shared';
import { AdoptForm } from './AdoptForm';
import { ProgressForm } from './ProgressForm';

/**
 * Adopted actions: the office creates them from a suggestion or list entry; owners report
 * progress. The server says who may adopt and on which action each person may report.
 */
export function AdoptionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const townList = useTowns();
  const { units, nameOf } = townList;
  const [adopting, setAdopting] = useState(false);
  const { can } = useSession();
  const intoReforms = can('suggestion.adopt') || can('battle.write');
  const [reforming, setReforming] = useState(false);
  const [updating, setUpdating] = useState<AdoptedAction | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/actions')),
    ['actions'],
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.adoption.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.adoption.intro')}</Typography.Text>
      </div>
      {(data?.actions.adopt || intoReforms) && (
        <Flex gap={8} wrap>
          {data?.actions.adopt && (
            <Button type="primary" onClick={() => setAdopting(true)} data-testid="adopt-open">
              {t('ideas.adoption.adopt')}
            </Button>
          )}
          {intoReforms && (
            <Button onClick={() => setReforming(true)} data-testid="reform-adopt-open">
              {t('reforms.adoption.open')}
            </Button>
          )}
        </Flex>
      )}
      {reforming && <ReformAdoptModal open onClose={() => setReforming(false)} />}
      {/* Grey bars while the actions load, and a failed load says so, never an empty page. */}
      {loading && !data && <Skeleton active />}
      {failed && !loading && <LoadFailed onRetry={() => void reload()} />}
      {/* The owners' names failed to load: said once above the actions, each owner says so. */}
      {!failed && (data?.items ?? []).length > 0 && townList.failed && (
        <LoadFailed onRetry={() => void townList.reload()} />
      )}
      {(failed ? [] : (data?.items ?? [])).map((a) => (
        <Flex key={a.id} vertical gap={4}>
          <ActionCard action={a} ownerName={nameOf.get(a.ownerUnitId)} ownerFailed={townList.failed} />
          {a.actions.progress && (
            <div>
              <Button size="small" onClick={() => setUpdating(a)} data-testid={`action-update-${a.id}`}>
                {t('ideas.adoption.update')}
              </Button>
            </div>
          )}
        </Flex>
      ))}
      <Modal
        open={adopting}
        title={t('ideas.adoption.adopt')}
        footer={null}
        onCancel={() => setAdopting(false)}
        destroyOnHidden
      >
        <AdoptForm
          units={units}
          unitsLoad={townList}
          onDone={() => {
            setAdopting(false);
            void reload();
          }}
        />
      </Modal>
      <Modal
        open={updating !== null}
        title={updating?.title}
        footer={null}
        onCancel={() => setUpdating(null)}
        destroyOnHidden
      >
        {updating && (
          <ProgressForm
            action={updating}
            onDone={() => {
              setUpdating(null);
              void reload();
            }}
          />
        )}
      </Modal>
    </Flex>
  );
}
