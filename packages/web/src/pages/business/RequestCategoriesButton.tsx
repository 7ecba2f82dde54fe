import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { CatalogueEditor } from '../../components/CatalogueEditor';

/** The district office's request categories: names and each one's deadlines in working days. */
export function RequestCategoriesButton() {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="categories-open">
        {t('business.categories.title')}
      </Button>
      <Modal
        title={t('business.categories.title')}
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={860}
        destroyOnHidden
      >
        <CatalogueEditor
          testId="categories"
          load={async () => unwrap(await api.GET('/api/v1/business/request-categories'))}
          create={async (body) =>
            unwrap(await api.POST('/api/v1/business/request-categories', { body: { ...body, active: true } }))
          }
          update={async (code, body) =>
            unwrap(
              await api.PATCH('/api/v1/business/request-categories/{code}', {
                params: { path: { code } },
                body,
              }),
            )
          }
          numbers={[
            {
              name: 'answerWorkdays',
              label: t('business.categories.answerWorkdays'),
              min: 1,
              max: 60,
              initial: 5,
            },
            {
              name: 'rectifyWorkdays',
              label: t('business.categories.rectifyWorkdays'),
              min: 1,
              max: 60,
              initial: 15,
            },
          ]}
        />
      </Modal>
    </>
  );
}
