/** 用户隐私保护指引: what we collect, why, who sees it, how long we keep it, how to reach us. */
import { Text, View } from '@tarojs/components';
import ResidentPage from '../../../components/ResidentPage';
import { PRIVACY_VERSION } from '../../../utils/constants';
import { GUIDE_INTRO, GUIDE_SECTIONS, GUIDE_UPDATED } from './guide';
import './index.scss';

export default function PrivacyGuide() {
  return (
    // A resident page: the guide is read in 长辈模式's large type too.
    <ResidentPage className="privacy" id="privacy-guide">
      <Text className="privacy__title">网格连心用户隐私保护指引</Text>
      <Text className="privacy__meta">
        版本 {PRIVACY_VERSION} · 更新日期 {GUIDE_UPDATED}
      </Text>
      <Text className="privacy__p">{GUIDE_INTRO}</Text>
      {GUIDE_SECTIONS.map((s) => (
        <View key={s.title} className="privacy__section">
          <Text className="privacy__h">{s.title}</Text>
          {s.paragraphs.map((p) => (
            <Text key={p} className="privacy__p">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </ResidentPage>
  );
}
