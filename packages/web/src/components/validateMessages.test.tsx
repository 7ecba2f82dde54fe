import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, Form, Input } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../i18n';
import { AntdScope } from './AntdScope';

// A row of a list, labelled for the screen reader only: antd put its internal name ("0,text")
// where a label would be ("请输入0,text"), and printed a pattern's regular expression.
function QuestionRows() {
  return (
    <AntdScope>
      <Form initialValues={{ questions: [{ text: '', code: '' }] }}>
        <Form.List name="questions">
          {(fields) =>
            fields.map((f) => (
              <div key={f.key}>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true }, { min: 2, max: 60 }]}>
                  <Input aria-label="question" />
                </Form.Item>
                <Form.Item name={[f.name, 'code']} rules={[{ pattern: /^[a-z]+$/ }]}>
                  <Input aria-label="code" />
                </Form.Item>
              </div>
            ))
          }
        </Form.List>
        <Button htmlType="submit">go</Button>
      </Form>
    </AntdScope>
  );
}

async function submitWith(question: string, code: string) {
  render(<QuestionRows />);
  fireEvent.change(screen.getByLabelText('question'), { target: { value: question } });
  fireEvent.change(screen.getByLabelText('code'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button'));
}

/** The messages under the fields, once the checks have run. */
async function messages(count: number) {
  const shown = () =>
    [...document.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent);
  await waitFor(() => expect(shown()).toHaveLength(count));
  return shown();
}

describe("a form's own checks", () => {
  afterEach(() => act(() => changeLocale('zh-CN')));

  it('word a missing answer and a wrong format as the server’s field errors do, naming no internal field', async () => {
    await submitWith('', 'A1');
    expect(await messages(2)).toEqual(['必填', '格式不对']);
  });

  it('give the bounds of a length, in the reader’s language', async () => {
    await act(() => changeLocale('en'));
    await submitWith('问', 'ok');
    expect(await messages(1)).toEqual(['2 to 60 characters']);
  });
});
