import { useTranslation } from 'react-i18next';
import { CampaignFrame } from '../ideas/CampaignFrame';
import { IdeasHighlights } from '../ideas/IdeasHighlights';
import { useCampaign } from '../ideas/shared';
import './home.css';

/** The campaign's five pillars, in the order the district announced them. */
const pillars = ['deliberation', 'catchUp', 'outsideView', 'reformList', 'businessEnvironment'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const campaign = useCampaign();
  return (
    <>
      <h1 className="qx-home-title">{t('home.title')}</h1>
      <p className="qx-home-intro">{t('home.intro')}</p>
      {campaign && <CampaignFrame campaign={campaign} />}
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
