import { Flex, InputNumber, type InputNumberProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DecimalRead, readDecimal } from './decimalText';

type Props = Omit<InputNumberProps<number>, 'value' | 'onChange' | 'parser' | 'onInput'> & {
  value: number | null;
  onChange: (value: number | null) => void;
};

/**
 * What the number input makes of the text: a figure, nothing yet, or blank when refused. It
 * hands the result to its decimal reader, which takes a string (typed `number` by antd): '' is
 * blank, 'NaN' leaves the value as it was.
 */
function parseText(text: string | undefined): string {
  const read = readDecimal(text ?? '');
  if (read.kind === 'number') return String(read.value);
  // Still typing: the figure stays as it was until the text reads as one.
  if (read.kind === 'partial') return 'NaN';
  // Empty, or refused: blank, never a figure the text did not mean.
  return '';
}

const parse = parseText as unknown as (text: string | undefined) => number;

/**
 * A number input that reads 12,5 as 12.5 rather than 125 (see decimalText.ts). A figure that
 * could be read two ways (1,234) or is no figure is refused: the field is left blank and says why
 * beneath it, until it is typed again.
 */
export function DecimalInput({ value, onChange, id, status, ...rest }: Props) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<{ text: string; read: DecimalRead } | null>(null);
  const problemId = id ? `${id}-problem` : undefined;
  return (
    <Flex vertical>
      <InputNumber<number>
        {...rest}
        id={id}
        value={value}
        parser={parse}
        onInput={(text) => {
          const read = readDecimal(text);
          setRefused(read.kind === 'ambiguous' || read.kind === 'invalid' ? { text, read } : null);
        }}
        onChange={(v) => onChange(v === null || v === undefined ? null : Number(v))}
        status={refused ? 'error' : status}
        aria-describedby={refused ? problemId : undefined}
        {...(refused ? { 'aria-invalid': true } : {})}
      />
      {refused && (
        <Typography.Text type="danger" id={problemId} role="alert" style={{ fontSize: 12, maxWidth: 200 }}>
          {refused.read.kind === 'ambiguous'
            ? t('targets.number.ambiguous', {
                text: refused.text,
                thousands: refused.read.thousands,
                decimal: refused.read.decimal,
              })
            : t('targets.number.invalid', { text: refused.text })}
        </Typography.Text>
      )}
    </Flex>
  );
}
