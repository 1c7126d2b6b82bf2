/** The note a form shows when it put back a draft (utils/draft.ts): what came back and what did not. */
import { Text } from '@tarojs/components';
import './DraftNote.scss';

export default function DraftNote({ id }: { id: string }) {
  return (
    <Text className="draft-note" id={id}>
      已恢复您上次未提交的内容（照片需重新选择）
    </Text>
  );
}
