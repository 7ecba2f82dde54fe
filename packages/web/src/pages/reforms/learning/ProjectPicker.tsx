import { Select } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';

interface Option {
  value: string;
  label: string;
}

/** Reform projects chosen by code or name, searched on the server as one types. */
export function ProjectPicker({
  id,
  value,
  onChange,
  known,
  label,
}: {
  /** Given by the form item, so its label points at the control. */
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The projects already linked, so their names show before any search. */
  known: Array<{ id: string; code: string; name: string }>;
  label: string;
}) {
  const api = useApi();
  const [found, setFound] = useState<Option[]>([]);
  const search = async (q: string) => {
    const page = unwrap(
      await api.GET('/api/v1/reforms/projects', { params: { query: { q, pageSize: 20 } } }),
    );
    setFound(page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })));
  };
  const options = [
    ...known.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })),
    ...found.filter((f) => !known.some((k) => k.id === f.value)),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      aria-label={label}
      placeholder={label}
      value={value ?? []}
      onChange={onChange}
      showSearch
      filterOption={false}
      options={options}
      onSearch={(q) => void search(q)}
      onFocus={() => void search('')}
    />
  );
}
