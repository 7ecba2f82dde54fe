import { limits } from '@qianxing/core/limits';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useUnits } from '../../api/useUnits';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { useLoad } from '../../components/useLoad';
import { ActionForm, type Change } from './RequestActionForm';
import type { RequestDetail } from './requests';

interface RouteValues {
  departmentId: string;
  categoryCode: string;
  note?: string;
}

const required = { required: true };

/**
 * 分办 / 改派: the department, the category (the firm's, which the office may correct: the answer's
 * deadline is counted from its days) and an optional note for the department.
 */
export function RouteRequestForm({ request, onChange }: { request: RequestDetail; onChange: Change }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const unitList = useUnits();
  const categories = useLoad(async () => unwrap(await api.GET('/api/v1/business/request-categories')), []);
  const id = { params: { path: { id: request.id } } };
  const departments = unitList.units.filter((u) => u.kind === 'department');
  const english = i18n.language.startsWith('en');
  // Those in use, and the request's own even if retired since, so that it reads as chosen.
  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.active || c.code === request.categoryCode)
    .map((c) => ({
      value: c.code,
      label: t('business.requests.routeCategoryDays', {
        name: english && c.nameEn ? c.nameEn : c.name,
        count: c.answerWorkdays,
      }),
    }));
  // Until the list is there (or if it failed), the request's own category still reads by its name.
  if (!categoryOptions.some((o) => o.value === request.categoryCode))
    categoryOptions.unshift({ value: request.categoryCode, label: request.categoryName });
  return (
    <ActionForm<RouteValues>
      name="route"
      // Once routed, the form re-routes: named so, and with no department chosen (the one that
      // holds the request cannot be chosen again: that would only reset its deadline).
      title={request.departmentId ? 'business.requests.reroute' : 'business.requests.route'}
      done="business.requests.routed"
      onChange={onChange}
      submit={async ({ note, ...body }) => {
        const said = note?.trim();
        return unwrap(
          await api.POST('/api/v1/business/requests/{id}/route', {
            ...id,
            body: { ...body, ...(said ? { note: said } : {}) },
          }),
        );
      }}
    >
      <Typography.Paragraph type="secondary" data-testid="route-suggestion">
        {request.suggestedDepartmentName
          ? t('business.requests.suggested', {
              name: request.suggestedDepartmentName,
              confidence: Math.round((request.suggestionConfidence ?? 0) * 100),
            })
          : t('business.requests.noSuggestion')}
      </Typography.Paragraph>
      <FieldLoadFailed load={unitList} />
      <Form.Item
        name="departmentId"
        label={t('business.requests.routeTo')}
        rules={[required]}
        initialValue={request.departmentId ? undefined : (request.suggestedDepartmentId ?? undefined)}
      >
        <Select
          showSearch
          optionFilterProp="label"
          data-testid="route-department"
          options={departments.map((u) => ({
            value: u.id,
            label: u.name,
            disabled: u.id === request.departmentId,
          }))}
        />
      </Form.Item>
      <FieldLoadFailed load={categories} />
      <Form.Item
        name="categoryCode"
        label={t('business.requests.routeCategory')}
        extra={t('business.requests.routeCategoryHelp')}
        rules={[required]}
        initialValue={request.categoryCode}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={categories.loading}
          data-testid="route-category"
          options={categoryOptions}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('business.requests.routeNote')}
        rules={[
          {
            validator: async (_, value?: string) => {
              if (value && value.trim() === '') throw new Error(t('errors.field.only_whitespace'));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={2}
          maxLength={limits.routingNote.max}
          showCount
          placeholder={t('business.requests.routeNotePlaceholder')}
          data-testid="route-note"
        />
      </Form.Item>
    </ActionForm>
  );
}
