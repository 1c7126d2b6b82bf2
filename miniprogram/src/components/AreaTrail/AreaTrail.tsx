/** A place in the area tree as a trail of level-labelled steps: 街镇 长征镇 › 社区 梅川一居委 › … */
import { Text, View } from '@tarojs/components';
import './AreaTrail.scss';

export interface TrailStep {
  id?: string;
  name: string;
  /** 街镇 / 片区 / 社区 / 网格 / 楼栋; empty for a step that is not a node (e.g. 全部). */
  levelName: string;
}

interface Props {
  steps: readonly TrailStep[];
  id?: string;
  /** Breadcrumb mode: called with a step's index when tapped (all but the last step). */
  onStepTap?: (index: number) => void;
}

export default function AreaTrail({ steps, id, onStepTap }: Props) {
  return (
    <View className="area-trail" id={id}>
      {steps.map((step, i) => {
        // The last step is where we are: a breadcrumb to it would go nowhere.
        const tap = onStepTap && i < steps.length - 1 ? () => onStepTap(i) : undefined;
        return (
          <View key={step.id ?? `${i}-${step.name}`} className={`area-trail__step${tap ? ' area-trail__step--link' : ''}`} onClick={tap}>
            {i > 0 && <Text className="area-trail__arrow">›</Text>}
            {step.levelName && <Text className="area-trail__level">{step.levelName}</Text>}
            <Text className="area-trail__name">{step.name}</Text>
          </View>
        );
      })}
    </View>
  );
}
