import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { withNote } from '../../components/phrases';

interface Option {
  value: string;
  label: string;
}

/** Firms from the registry, searched by name or credit code as one types. */
export function FirmPicker({
  value,
  onChange,
  multiple,
  initial = [],
}: {
  value?: string | string[];
  onChange?(v: string | string[]): void;
  multiple?: boolean;
  initial?: Array<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>(initial.map((f) => ({ value: f.id, label: f.name })));
  useEffect(() => {
    if (!q.trim()) return;
    const timer = setTimeout(async () => {
      const res = await api.GET('/api/v1/business/firms', { params: { query: { q, pageSize: 20 } } });
      const found = (res.data?.items ?? []).map((f) => ({
        value: f.id,
        label: withNote(t, f.name, f.creditCode),
      }));
      setOptions((old) => [
        ...old.filter((o) => ([] as string[]).concat(value ?? []).includes(o.value)),
        ...found,
      ]);
    }, 250);
    return () => clearTimeout(timer);
  }, [api, q, value, t]);
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('inspections.firmSearch')}
      notFoundContent={null}
    />
  );
}
