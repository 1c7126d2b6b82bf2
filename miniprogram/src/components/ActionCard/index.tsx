/**
 * A detail page's 办理 card (点单, 微心愿): the buttons the server's `can` allows this viewer, one call at a time.
 * Direct calls run here; buttons that need a form open the page's own popup.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { messageOf } from '../../api/errors';
import { isConflict } from '../../utils/fieldErrors';
import SectionCard from '../SectionCard';
import './ActionCard.scss';

export type ActionTone = 'primary' | 'default' | 'danger';

export interface ActionButton {
  label: string;
  tone: ActionTone;
  run: () => void;
}

/** The buttons in the order they are added; `when` false leaves one out. */
export function actionList() {
  const buttons: ActionButton[] = [];
  const add = (when: boolean, label: string, tone: ActionTone, run: () => void) => {
    if (when) buttons.push({ label, tone, run });
  };
  return { buttons, add };
}

/**
 * Direct calls from the card: the pressed button spins and the others wait; success goes to `done`
 * (toast, reload); a failure is toasted, and a conflict (someone moved the record first) reloads.
 */
export function useActionRunner(done: (message: string) => void, reload: () => Promise<void>) {
  /** The label of the button whose call is under way. */
  const [running, setRunning] = useState<string | null>(null);
  const direct = async (label: string, work: () => Promise<unknown>, message: string) => {
    setRunning(label);
    try {
      await work();
      done(message);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
      if (isConflict(e)) void reload();
    } finally {
      setRunning(null);
    }
  };
  return { running, direct };
}

interface Props {
  id: string;
  buttons: ActionButton[];
  running: string | null;
  /** A line under the buttons, e.g. what a low rating does. */
  hint?: string | false;
}

export default function ActionCard({ id, buttons, running, hint }: Props) {
  if (buttons.length === 0) return null;
  return (
    <SectionCard title="办理" id={id}>
      <View className="actions">
        {buttons.map((b) => (
          <Button
            key={b.label}
            className="actions__btn"
            type={b.tone}
            fill={b.tone === 'danger' ? 'outline' : undefined}
            loading={running === b.label}
            disabled={running !== null}
            onClick={b.run}
          >
            {b.label}
          </Button>
        ))}
      </View>
      {hint && <Text className="muted actions__hint">{hint}</Text>}
    </SectionCard>
  );
}
