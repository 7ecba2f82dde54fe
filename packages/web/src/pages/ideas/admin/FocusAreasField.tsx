import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

const cell = { marginBottom: 0 };

/** The campaign's focus areas (两高地、一中心 …): a short name and what it stands for, shown on the home page. */
export function FocusAreasField() {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('ideas.campaigns.focusAreas')}>
      <Form.List name="focusAreas">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} data-testid="campaign-focus-areas">
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="start">
                <Form.Item
                  name={[name, 'name']}
                  rules={[{ required: true, whitespace: true, max: 60 }]}
                  style={{ ...cell, flex: '1 1 120px' }}
                >
                  <Input
                    placeholder={t('ideas.campaigns.focusAreaName')}
                    aria-label={t('ideas.campaigns.focusAreaName')}
                    maxLength={60}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, 'description']}
                  rules={[{ max: 200 }]}
                  style={{ ...cell, flex: '3 1 220px' }}
                >
                  <Input
                    placeholder={t('ideas.campaigns.description')}
                    aria-label={t('ideas.campaigns.focusAreaDescription')}
                    maxLength={200}
                  />
                </Form.Item>
                <Button onClick={() => remove(name)}>{t('ideas.campaigns.remove')}</Button>
              </Flex>
            ))}
            {fields.length < 30 && (
              <Button type="dashed" onClick={() => add({ name: '', description: '' })}>
                {t('ideas.campaigns.addFocusArea')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
