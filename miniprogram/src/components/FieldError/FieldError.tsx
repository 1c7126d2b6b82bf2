/** The server's message for one form field (ApiError.fields[name]), shown under the input. */
import { Text } from '@tarojs/components';
import { fieldError } from '../../api/errors';

interface Props {
  error: unknown;
  field: string;
}

export default function FieldError({ error, field }: Props) {
  const message = fieldError(error, field);
  return message ? <Text className="field-error">{message}</Text> : null;
}
