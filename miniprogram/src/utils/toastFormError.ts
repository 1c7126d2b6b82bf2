/** The toast after a form submit failed: point at the red field messages, or say what went wrong. */
import Taro from '@tarojs/taro';
import { ApiError, messageOf } from '../api/errors';

export function toastFormError(error: unknown): void {
  const onFields = error instanceof ApiError && Object.keys(error.fields).length > 0;
  void Taro.showToast({ title: onFields ? '请按标红的提示修改后再提交' : messageOf(error), icon: 'none' });
}
