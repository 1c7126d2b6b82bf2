/** A bottom sheet holding one action's form: fields, the server's form-level message, and the submit button. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { formMessage } from '../../api/errors';
import './FormPopup.scss';

interface Props {
  title: string;
  id: string;
  submitText: string;
  busy: boolean;
  error: unknown;
  /** Fields whose messages already show beside their inputs. */
  fields: readonly string[];
  danger?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children?: ReactNode;
}

export default function FormPopup({ title, id, submitText, busy, error, fields, danger, onSubmit, onClose, children }: Props) {
  const top = formMessage(error, fields);
  return (
    <Popup visible position="bottom" round closeable title={title} onClose={onClose}>
      <View className="form-popup" id={id}>
        {children}
        {top && <Text className="form-popup__error">{top}</Text>}
        <Button className="form-popup__submit" block type={danger ? 'danger' : 'primary'} loading={busy} onClick={onSubmit}>
          {submitText}
        </Button>
      </View>
    </Popup>
  );
}

/** A labelled block inside a form popup or page form. */
export function FormField({ label, hint, children }: { label: string; hint?: string; children?: ReactNode }) {
  return (
    <View className="form-field">
      <View className="form-field__head">
        <Text className="form-field__label">{label}</Text>
        {hint && <Text className="form-field__hint">{hint}</Text>}
      </View>
      {children}
    </View>
  );
}
