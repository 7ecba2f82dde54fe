import { Button, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { withNote } from '../../components/phrases';
import { useFormSubmit } from '../../components/useFormSubmit';

type Proposal = components['schemas']['LiaisonProposal'];
type Pair = components['schemas']['ProposedPair'];

/**
 * The office asks for a proposed cadre for every firm without one (balanced, grouped by town and
 * industry), changes any of them, and applies the list; nothing is saved before that.
 */
export function LiaisonProposalButton({ onApplied }: { onApplied: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState(false);
  const ask = async () => {
    setAsking(true);
    try {
      const p = unwrap(await api.GET('/api/v1/business/liaison/proposal'));
      setProposal(p);
      setChoice(Object.fromEntries(p.pairs.map((x) => [x.firmId, x.cadreId])));
    } finally {
      setAsking(false);
    }
  };
  const fresh = proposal?.pairs.filter((p) => !p.kept) ?? [];
  const { submit, busy } = useFormSubmit<void>(undefined, async () => {
    const result = unwrap(
      await api.POST('/api/v1/business/liaison/pairs', {
        body: { pairs: fresh.map((p) => ({ firmId: p.firmId, cadreId: choice[p.firmId] ?? p.cadreId })) },
      }),
    );
    void message.success(t('business.liaison.applied', result));
    setProposal(null);
    onApplied();
  });
  const cadres = (proposal?.cadres ?? []).map((c) => ({
    value: c.id,
    label: withNote(t, c.name, c.unitName),
  }));
  return (
    <>
      <Button onClick={() => void ask()} loading={asking} data-testid="liaison-propose">
        {t('business.liaison.propose')}
      </Button>
      <Modal
        title={t('business.liaison.propose')}
        open={!!proposal}
        width={880}
        onCancel={() => setProposal(null)}
        onOk={() => void submit()}
        okButtonProps={{
          disabled: fresh.length === 0,
          ...({ 'data-testid': 'liaison-apply' } as Record<string, string>),
        }}
        okText={t('business.liaison.apply')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('business.liaison.proposeIntro', {
            count: fresh.length,
            kept: (proposal?.pairs.length ?? 0) - fresh.length,
          })}
        </Typography.Paragraph>
        <Table<Pair>
          rowKey="firmId"
          size="small"
          dataSource={fresh}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: t('business.liaison.nothingToPropose') }}
          data-testid="liaison-proposal"
          columns={[
            { title: t('business.fields.name'), dataIndex: 'firmName' },
            { title: t('business.fields.town'), dataIndex: 'townName' },
            { title: t('business.fields.industry'), dataIndex: 'industryName' },
            {
              title: t('business.liaison.cadre'),
              key: 'cadre',
              render: (_: unknown, p) => (
                <Select
                  style={{ width: 220 }}
                  aria-label={t('business.liaison.cadreOf', { firm: p.firmName })}
                  value={choice[p.firmId]}
                  onChange={(v) => setChoice((c) => ({ ...c, [p.firmId]: v }))}
                  options={cadres}
                />
              ),
            },
          ]}
        />
        <Typography.Text type="secondary">{t('business.liaison.loads')}</Typography.Text>
        <div>
          {(proposal?.cadres ?? []).map((c) => (
            <Tag key={c.id}>
              {c.name} {c.firms}
            </Tag>
          ))}
        </div>
      </Modal>
    </>
  );
}
