import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../api/schema';
import { AntdScope } from '../../components/AntdScope';

type Submitted = components['schemas']['SubmitSuggestionResult'];

/**
 * The tracking code, with a copy button, once a suggestion is in. Loaded only after a submit, so
 * antd's Result and copyable text stay out of the form's first load (SubmitPage.tsx).
 */
export function SubmitDone({ done, screened }: { done: Submitted; screened: boolean }) {
  const { t } = useTranslation();
  return (
    <AntdScope>
      <Result
        status="success"
        title={t('ideas.submit.done')}
        subTitle={screened ? t('ideas.submit.keepCodeScreened') : t('ideas.submit.keepCode')}
        extra={[
          <Typography.Title key="code" level={2} copyable data-testid="tracking-code" style={{ margin: 0 }}>
            {done.trackingCode}
          </Typography.Title>,
          <Link key="track" to={`/ideas/track/${done.trackingCode}`} data-testid="tracking-link">
            {t('ideas.submit.trackLink')}
          </Link>,
        ]}
      />
    </AntdScope>
  );
}
