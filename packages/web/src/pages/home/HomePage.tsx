import { useTranslation } from 'react-i18next';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { CampaignFrame } from '../ideas/CampaignFrame';
import { IdeasHighlights } from '../ideas/IdeasHighlights';
import { useCampaign } from '../ideas/shared';
import './home.css';

/** The campaign's five pillars, in the order the district announced them. */
const pillars = ['deliberation', 'catchUp', 'outsideView', 'reformList', 'businessEnvironment'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { campaign, failed, reload } = useCampaign();
  return (
    <>
      <h1 className="qx-home-title">{t('home.title')}</h1>
      <p className="qx-home-intro">{t('home.intro')}</p>
      {campaign && <CampaignFrame campaign={campaign} />}
      {/* The campaign's dates and state failed to load: say so where they would be. */}
      {failed && <PlainLoadFailed onRetry={() => void reload()} />}
      <IdeasHighlights />
      <ul className="qx-pillars" aria-label={t('home.pillarsLabel')}>
        {pillars.map((pillar, index) => (
          <li key={pillar}>
            <section className="qx-card" aria-labelledby={`pillar-${pillar}`}>
              <h2 id={`pillar-${pillar}`}>{`${index + 1}. ${t(`home.pillars.${pillar}.title`)}`}</h2>
              <div className="qx-card-body">
                <p>{t(`home.pillars.${pillar}.body`)}</p>
              </div>
            </section>
          </li>
        ))}
      </ul>
    </>
  );
}
