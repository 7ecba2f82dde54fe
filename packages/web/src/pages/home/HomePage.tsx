import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CampaignFrame } from '../ideas/CampaignFrame';
import { IdeasHighlights } from '../ideas/IdeasHighlights';
import { useCampaign } from '../ideas/shared';

/** The campaign's five pillars, in the order the district announced them. */
const pillars = ['deliberation', 'catchUp', 'outsideView', 'reformList', 'businessEnvironment'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const campaign = useCampaign();
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {t('home.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      {campaign && <CampaignFrame campaign={campaign} />}
      <IdeasHighlights />
      <Row gutter={[16, 16]}>
        {pillars.map((pillar, index) => (
          <Col key={pillar} xs={24} sm={12} lg={8}>
            <Card title={`${index + 1}. ${t(`home.pillars.${pillar}.title`)}`} style={{ height: '100%' }}>
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {t(`home.pillars.${pillar}.body`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
