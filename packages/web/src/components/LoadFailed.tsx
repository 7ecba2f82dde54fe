import { Alert, Button, Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * That something could not be loaded, with a retry where asking again may help: what a page or a
 * card shows instead of its data when the request failed, so a failure never reads as "no data"
 * nor spins for ever.
 */
export function LoadFailed({ title, onRetry }: { title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('common.loadFailed')}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} data-testid="load-retry">
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** What a load gives to say its failure: whether it failed, and how to ask again; and whether it is under way. */
type Load = { failed: boolean; reload: () => Promise<void> | void; loading?: boolean };

/**
 * A table's (or a list's) empty text for a load: nothing while it loads, so the spinner stands
 * alone (antd would show its "no data" under it, which reads as an answer); the failure with its
 * retry when the load failed; else its own (undefined keeps antd's, or the page's `otherwise`).
 */
export function emptyUnlessFailed(load: Load, otherwise?: ReactNode): ReactNode {
  if (load.loading) return null;
  return load.failed ? <LoadFailed onRetry={() => void load.reload()} /> : otherwise;
}

/**
 * In a form, above the field whose choices a load gives (a select's options): the failure with
 * its retry when the load failed, so an empty choice never reads as nothing to choose; else nothing.
 */
export function FieldLoadFailed({ load }: { load: Load }) {
  if (!load.failed) return null;
  return (
    <Form.Item>
      <LoadFailed onRetry={() => void load.reload()} />
    </Form.Item>
  );
}

/**
 * A looked-up name (a town, a unit) where a row or a field shows it: the name; when the load that
 * gives the names failed, that it could not be loaded, never the id it stands for nor a blank (the
 * failure and its retry are said once, beside the table or the field); nothing while it loads.
 */
export function LoadedName({ name, failed }: { name: string | undefined; failed: boolean }) {
  const { t } = useTranslation();
  if (name !== undefined) return name;
  return failed ? (
    <Typography.Text type="secondary" data-testid="name-not-loaded">
      {t('common.nameNotLoaded')}
    </Typography.Text>
  ) : null;
}
