/** What every wish action popup takes: the wish and the detail page's callbacks (submit: utils/usePopupSubmit). */
import type { PopupCallbacks } from '../../../../utils/usePopupSubmit';

export interface PopupProps extends PopupCallbacks {
  wishId: string;
}
