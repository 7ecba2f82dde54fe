import { type DrawCheck, verifyDraw } from '@qianxing/core/draw';
import { Alert, Button, Collapse, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../components/download';
import type { PublicDraw } from './shared';

/** What failed: one of the draw's checks, or the files themselves, which do not read as a draw. */
type Failed = DrawCheck | 'unreadable';
type Verdict = { ok: true } | { ok: false; failed: Failed[]; differences: string[] };

/** Recomputes a draw in the browser from its published input and seed, as `qianxing verify-draw` does. */
function verifyHere(draw: PublicDraw): Verdict {
  try {
    return verifyDraw(draw.input as never, draw.result);
  } catch (error) {
    return {
      ok: false,
      failed: ['unreadable'],
      differences: [error instanceof Error ? error.message : String(error)],
    };
  }
}

/**
 * A failed check in words a citizen reads; the differences themselves (in English, naming
 * records by id, as the command-line tool prints them) only behind "technical details".
 */
function NotVerified({ verdict }: { verdict: Extract<Verdict, { ok: false }> }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-failed"
      title={t('inspections.public.notVerified')}
      description={
        <Flex vertical gap={4}>
          {verdict.failed.map((check) => (
            <Typography.Text key={check} data-testid={`verify-failed-${check}`}>
              {t(`inspections.public.failed.${check}`)}
            </Typography.Text>
          ))}
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'details',
                label: t('inspections.public.technicalDetails'),
                children: (
                  <Typography.Paragraph data-testid="verify-differences" style={{ whiteSpace: 'pre-wrap' }}>
                    {verdict.differences.slice(0, 5).join('\n')}
                  </Typography.Paragraph>
                ),
              },
            ]}
          />
        </Flex>
      }
    />
  );
}

const json = (value: unknown) => new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });

/** The draw's files to download, and its verification in this browser. */
export function DrawVerifier({ draw }: { draw: PublicDraw }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const short = draw.id.slice(0, 8);
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Button size="small" onClick={() => saveBlob(json(draw.input), `draw-${short}-input.json`)}>
          {t('inspections.public.downloadInput')}
        </Button>
        <Button
          size="small"
          disabled={!draw.result}
          onClick={() => saveBlob(json(draw.result), `draw-${short}-result.json`)}
        >
          {t('inspections.public.downloadResult')}
        </Button>
        <Button
          size="small"
          type="primary"
          disabled={!draw.result}
          loading={busy}
          data-testid="verify-draw"
          onClick={() => {
            setBusy(true);
            // Let the button show it is busy before the computation holds the thread.
            setTimeout(() => {
              setVerdict(verifyHere(draw));
              setBusy(false);
            }, 0);
          }}
        >
          {t('inspections.public.verify')}
        </Button>
      </Flex>
      {verdict?.ok && (
        <Alert type="success" showIcon data-testid="verify-ok" title={t('inspections.public.verified')} />
      )}
      {verdict && !verdict.ok && <NotVerified verdict={verdict} />}
      {/* The citizen's check is the button above; the files and the published method let anyone
          check without this site, and the command-line tool is the district's, not a public package. */}
      <Typography.Text type="secondary" data-testid="verify-independent">
        {t('inspections.public.independent')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('inspections.public.cli')}{' '}
        <Typography.Text code>qianxing verify-draw --input … --result …</Typography.Text>
      </Typography.Text>
    </Flex>
  );
}
