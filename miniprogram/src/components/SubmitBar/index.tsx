/** The foot of a page form (新点单, 许个心愿): the server's form-level message above one large submit button. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './SubmitBar.scss';

interface Props {
  /** Id of the message, for tests and screen readers. */
  errorId: string;
  message?: string;
  busy: boolean;
  text: string;
  onSubmit: () => void;
  /** Under the button: a privacy note, a link. */
  children?: ReactNode;
}

export default function SubmitBar({ errorId, message, busy, text, onSubmit, children }: Props) {
  return (
    <View className="submit-bar">
      {message && (
        <Text className="submit-bar__error" id={errorId}>
          {message}
        </Text>
      )}
      <Button block type="primary" size="large" loading={busy} onClick={onSubmit}>
        {text}
      </Button>
      {children}
    </View>
  );
}
