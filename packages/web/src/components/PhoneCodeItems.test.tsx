import '../i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { FeedbackProvider } from './Feedback';
import { PhoneCodeItems, resendWait } from './PhoneCodeItems';

/** The phone and code fields in a form, whose code is "sent" with `answer` as the server's reply. */
function renderItems(answer: unknown) {
  render(
    <FeedbackProvider>
      <Form>
        <PhoneCodeItems
          form="test-phone"
          labels={{
            phone: '手机号',
            code: '短信验证码',
            send: '发送验证码',
            sent: '已发送',
            resend: (seconds) => `${seconds} 秒后重发`,
          }}
          send={async () => answer}
        />
      </Form>
    </FeedbackProvider>,
  );
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13987654321' } });
  fireEvent.click(screen.getByTestId('test-phone-send-code'));
}

describe('the wait before another code', () => {
  it('counts down the interval the server answers', async () => {
    renderItems({ expiresInSeconds: 600, resendInSeconds: 15 });
    expect(await screen.findByText('15 秒后重发')).toBeTruthy();
  });

  it('counts down a minute when the answer says no interval', async () => {
    renderItems({ expiresInSeconds: 600 });
    expect(await screen.findByText('60 秒后重发')).toBeTruthy();
  });

  it('reads the interval only when it is a positive number', () => {
    expect(resendWait({ resendInSeconds: 3 })).toBe(3);
    expect(resendWait({ resendInSeconds: 0 })).toBe(60);
    expect(resendWait({ resendInSeconds: '30' })).toBe(60);
    expect(resendWait(undefined)).toBe(60);
  });
});
