import { Button, Flex, Form, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../api/types';
import { useUnits } from '../../api/useUnits';
import { FieldLoadFailed } from '../../components/LoadFailed';
import { buildUnitTree, unitTreeOptions } from '../units/unitTree';

/** The API accepts at most this many grants per account. */
const MAX_GRANTS = 20;

/** A list of (role, unit) rows inside a Form, under the field `roles`. */
export function GrantsField({ minRows = 0 }: { minRows?: number }) {
  const { t } = useTranslation();
  const unitList = useUnits();
  const { units, loading } = unitList;
  const treeData = useMemo(() => unitTreeOptions(buildUnitTree(units)), [units]);
  const roleOptions = roles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }));

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_rule, value: unknown[] | undefined) => {
            if ((value?.length ?? 0) < minRows) throw new Error(t('users.grants.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {/* Without the units no row can be given one: say so, with a retry. */}
          <FieldLoadFailed load={unitList} />
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" wrap>
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('users.grants.roleRequired') }]}
                style={{ flex: '1 1 140px', marginBottom: 12 }}
              >
                <Select
                  data-testid={`grant-role-${index}`}
                  options={roleOptions}
                  placeholder={t('users.grants.role')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'unitId']}
                rules={[{ required: true, message: t('users.grants.unitRequired') }]}
                style={{ flex: '2 1 200px', marginBottom: 12 }}
              >
                <TreeSelect
                  data-testid={`grant-unit-${index}`}
                  treeData={treeData}
                  loading={loading}
                  showSearch
                  treeNodeFilterProp="title"
                  placeholder={t('users.grants.unit')}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
              <Button onClick={() => remove(field.name)} aria-label={t('users.grants.remove')}>
                {t('common.remove')}
              </Button>
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_GRANTS && (
            <Button type="dashed" onClick={() => add({})} block data-testid="grant-add">
              {t('users.grants.add')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
