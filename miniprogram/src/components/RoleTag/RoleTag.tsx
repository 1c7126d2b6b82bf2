/** A role or status label in the app's soft red (NutUI's `plain` tag keeps the gradient fill). */
import { Tag } from '@nutui/nutui-react-taro';

interface Props {
  text: string;
}

export default function RoleTag({ text }: Props) {
  return (
    <Tag className="role-tag" background="#fdecec" color="#c8161d">
      {text}
    </Tag>
  );
}
