/**
 * 隐私保护指引 consent popup, shown before any personal data. On weapp the agree button is WeChat's
 * `agreePrivacyAuthorization` button, so one tap also satisfies the platform's privacy check.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { ROUTES } from '../../utils/routes';
import { AGREE_BUTTON_ID } from '../../utils/wechatPrivacy';
import './PrivacyConsent.scss';

interface Props {
  visible: boolean;
  busy: boolean;
  error?: string;
  onAgree: () => void;
  onDecline: () => void;
}

const isWeapp = process.env.TARO_ENV === 'weapp';

export default function PrivacyConsent({ visible, busy, error, onAgree, onDecline }: Props) {
  const openGuide = () => void Taro.navigateTo({ url: ROUTES.privacy });
  return (
    <Popup visible={visible} position="bottom" round closeOnOverlayClick={false} title="用户隐私保护提示">
      <View className="privacy-consent" id="privacy-consent">
        <Text className="privacy-consent__text">
          感谢您使用“网格连心”。为了给您提供点单、一键呼叫等网格服务，我们会处理您的姓名、手机号、 居住楼栋，以及您在点单时上传的照片。请您在使用前仔细阅读
        </Text>
        <Text className="privacy-consent__link" onClick={openGuide}>
          《网格连心用户隐私保护指引》
        </Text>
        <Text className="privacy-consent__text">，同意后即可开始使用。</Text>
        {error && <Text className="privacy-consent__error">{error}</Text>}
        <View className="privacy-consent__actions">
          <Button className="privacy-consent__btn" fill="outline" onClick={onDecline}>
            不同意
          </Button>
          <Button
            className="privacy-consent__btn"
            type="primary"
            loading={busy}
            id={AGREE_BUTTON_ID}
            openType={isWeapp ? 'agreePrivacyAuthorization' : undefined}
            onAgreePrivacyAuthorization={isWeapp ? onAgree : undefined}
            onClick={isWeapp ? undefined : onAgree}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </Popup>
  );
}
