import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayInChina } from '../../components/dayInChina';
import { DueProvisionalNote, DueProvisionalTag } from './DueProvisional';
import { RequestActionsPanel } from './RequestActionsPanel';
import { RequestFileButton } from './RequestFiles';
import { RequestTimeline } from './RequestTimeline';
import { dueLabel, isBad, type RequestDetail, statusColor } from './requests';

/** One request whole: what was asked, the answers and their ratings, the actions open, the timeline. */
export function RequestView({
  request,
  onChange,
}: {
  request: RequestDetail;
  onChange: (r: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const due = dueLabel(request);
  return (
    // A column with gaps of antd's "middle" (16 px), not a Space: a Space gives the actions a
    // slot even when none is open to the reader, and the empty slot doubled the gap.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="request-view">
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {request.title}
        </Typography.Title>
        <Space wrap>
          <Tag color={statusColor[request.status]} data-testid="request-status">
            {t(`business.requestStatus.${request.status}`)}
          </Tag>
          {due && <Tag color={due.color}>{t(due.key, { days: due.days, count: due.days })}</Tag>}
          <DueProvisionalTag request={request} />
        </Space>
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('business.requests.firm')}>{request.firmName}</Descriptions.Item>
          <Descriptions.Item label={t('business.requests.category')}>
            {request.categoryName}
          </Descriptions.Item>
          <Descriptions.Item label={t('business.requests.department')}>
            {request.departmentName ?? '—'}
          </Descriptions.Item>
          {request.routingNote && (
            // The office's note with the routing, for the staff (the firm's side never gets it).
            <Descriptions.Item label={t('business.requests.routingNote')}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-routing-note">
                {request.routingNote}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {request.dueOn && (
            // After a bad rating the date is the rectification's, not the answer's (given already).
            <Descriptions.Item
              label={t(
                request.status === 'rectifying' ? 'business.requests.rectifyDue' : 'business.requests.due',
              )}
            >
              {request.dueOn}
            </Descriptions.Item>
          )}
          {request.repeated && (
            <Descriptions.Item label={t('business.requests.repeatOf')}>
              {/* The title is a sentence: tags wrap (theme/global.css). An earlier request the
                  reader may not read (held by another department) is not named. */}
              <Tag color="orange" data-testid="request-repeat">
                {request.repeatOf?.title ?? t('business.requests.repeatElsewhere')}
              </Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
        {/* Counted Monday to Friday through a year whose holidays are not loaded: it may still move. */}
        <DueProvisionalNote request={request} />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{request.body}</Typography.Paragraph>
        {request.attachments.map((a) => (
          <div key={a.id}>
            <a href={`/api/v1/business/request-files/${a.id}`}>{a.fileName}</a>
          </div>
        ))}
        <RequestFileButton request={request} onChange={onChange} />
      </Card>
      <RequestActionsPanel request={request} onChange={onChange} />
      {request.answers.length > 0 && (
        <Card size="small" title={t('business.requests.answers')}>
          <List
            dataSource={request.answers}
            renderItem={(a) => (
              <List.Item key={a.id} data-testid="request-answer">
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {a.departmentName} · {dayInChina(a.createdAt)} ·{' '}
                    {t(a.onTime ? 'business.requests.onTime' : 'business.requests.late')}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {a.body}
                  </Typography.Paragraph>
                  {a.rating && (
                    <Space wrap>
                      <Tag color={isBad(a.rating.score) ? 'red' : 'green'}>
                        {t(`business.scores.${a.rating.score}`)}
                      </Tag>
                      {a.rating.comment && <Typography.Text>{a.rating.comment}</Typography.Text>}
                      {a.rating.appeal && (
                        <Tag>
                          {t('business.requests.appealTag', {
                            state: t(`business.appealStatus.${a.rating.appeal.status}`),
                          })}
                        </Tag>
                      )}
                    </Space>
                  )}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('business.requests.timeline')}>
        <RequestTimeline events={request.timeline} />
      </Card>
    </div>
  );
}
