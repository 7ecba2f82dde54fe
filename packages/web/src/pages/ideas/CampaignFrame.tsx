import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicCampaign } from './shared';

/** Where the intake stands: open with its last day, or closed since the period's end. */
export function IntakeState({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useTranslation();
  return campaign.intakeOpen ? (
    <Tag color="green" data-testid="intake-state">
      {t('ideas.frame.open', { endsOn: campaign.endsOn })}
    </Tag>
  ) : (
    <Tag data-testid="intake-state">{t('ideas.frame.closed', { endsOn: campaign.endsOn })}</Tag>
  );
}

/** The campaign's frame on the home page: its period, whether it takes suggestions, its focus areas. */
export function CampaignFrame({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useTranslation();
  return (
    <Card title={t('ideas.frame.title')} style={{ marginBottom: 16 }} data-testid="campaign-frame">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'period',
            label: t('ideas.frame.period'),
            children: (
              <span data-testid="campaign-period">
                {t('ideas.frame.periodValue', { startsOn: campaign.startsOn, endsOn: campaign.endsOn })}
              </span>
            ),
          },
          { key: 'state', label: t('ideas.frame.state'), children: <IntakeState campaign={campaign} /> },
        ]}
      />
      {!campaign.intakeOpen && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('ideas.frame.closedHint')} <Link to="/ideas/track">{t('ideas.frame.trackLink')}</Link>
        </Typography.Paragraph>
      )}
      {campaign.focusAreas.length > 0 && (
        <>
          <Typography.Title level={4} style={{ marginTop: 8 }}>
            {t('ideas.frame.focusAreas')}
          </Typography.Title>
          <List
            size="small"
            data-testid="focus-areas"
            dataSource={campaign.focusAreas}
            renderItem={(f) => (
              <List.Item>
                <Typography.Text strong>{f.name}</Typography.Text>
                {f.description ? <Typography.Text> · {f.description}</Typography.Text> : null}
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
