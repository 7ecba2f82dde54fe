import { Button, type ButtonProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * The header of a table's column of row buttons where the design leaves it blank: a screen
 * reader still announces the column as the actions (WCAG 2.1, 1.3.1).
 */
export function HiddenActionsTitle() {
  const { t } = useTranslation();
  return <span className="qx-visually-hidden">{t('common.actions')}</span>;
}

/**
 * The accessible name of a button or link in a table row: its visible verb and the row it acts
 * on, so that tabbing through a table no longer reads "修改, 修改, 修改…" (WCAG 2.1, 2.4.6).
 * The name starts with the visible words, so speech input finds it by them (2.5.3).
 */
export const rowAction = (t: TFunction, action: string, row: string): string =>
  t('common.actionNamed', { action, name: row });

/**
 * A row's button showing its verb and named by the verb and the row. antd spaces out a
 * two-character label (修 改); the verb keeps its letters together, so that the visible words
 * stay the start of the spoken name (WCAG 2.5.3, label in name), as the account menu does.
 */
export function RowActionButton({
  action,
  row,
  ...props
}: Omit<ButtonProps, 'children' | 'aria-label'> & { action: string; row: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" {...props} autoInsertSpace={false} aria-label={rowAction(t, action, row)}>
      {action}
    </Button>
  );
}
