import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicCampaign } from './shared';
import '../home/home.css';
import { period } from '../../components/phrases';

/**
 * The campaign's frame on the home page: its period, whether it takes suggestions, its focus
 * areas. Plain elements (home.css), like the rest of the home page, which most phones open first.
 */
export function CampaignFrame({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useTranslation();
  return (
    <section className="qx-card qx-frame" aria-labelledby="campaign-frame-title" data-testid="campaign-frame">
      <h2 id="campaign-frame-title">{t('ideas.frame.title')}</h2>
      <div className="qx-card-body">
        <dl className="qx-facts">
          <dt>{t('ideas.frame.period')}</dt>
          <dd data-testid="campaign-period">{period(t, campaign.startsOn, campaign.endsOn)}</dd>
          <dt>{t('ideas.frame.state')}</dt>
          <dd>
            <span
              className={campaign.intakeOpen ? 'qx-tag qx-tag-open' : 'qx-tag'}
              data-testid="intake-state"
            >
              {campaign.intakeOpen
                ? t('ideas.frame.open', { endsOn: campaign.endsOn })
                : t('ideas.frame.closed', { endsOn: campaign.endsOn })}
            </span>
          </dd>
        </dl>
        {!campaign.intakeOpen && (
          <p className="qx-frame-closed">
            {t('ideas.frame.closedHint')} <Link to="/ideas/track">{t('ideas.frame.trackLink')}</Link>
          </p>
        )}
        {campaign.focusAreas.length > 0 && (
          <>
            <h3 className="qx-frame-subtitle">{t('ideas.frame.focusAreas')}</h3>
            <ul className="qx-focus-areas" data-testid="focus-areas">
              {campaign.focusAreas.map((f) => (
                <li key={f.name}>
                  <strong>{f.name}</strong>
                  {f.description ? ` · ${f.description}` : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
