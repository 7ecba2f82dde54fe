import type { TFunction } from 'i18next';

/**
 * An audit action or entity type in the reader's language. Every one the server writes has a
 * name (i18n/audit-names.test.ts); one from a newer server than this page still shows, as is.
 */
export const actionName = (t: TFunction, action: string) =>
  t(`audit.actions.${action}`, { defaultValue: action });
export const entityTypeName = (t: TFunction, type: string) =>
  t(`audit.entityTypes.${type}`, { defaultValue: type });
/** An entity's type, or its kind where the type has kinds the reader tells apart (a list's). */
export const entityKindName = (t: TFunction, type: string, kind: string | null) =>
  kind
    ? t(`audit.entityKinds.${type}.${kind}`, { defaultValue: entityTypeName(t, type) })
    : entityTypeName(t, type);

/** Every action and entity type with its name, for the filters' pickers. */
export function nameOptions(t: TFunction, group: 'actions' | 'entityTypes') {
  const tree = t(`audit.${group}`, { returnObjects: true }) as Record<string, unknown>;
  const codes = Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [key] : Object.keys(value as object).map((leaf) => `${key}.${leaf}`),
  );
  const name = group === 'actions' ? actionName : entityTypeName;
  return codes
    .map((code) => ({ value: code, label: name(t, code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
