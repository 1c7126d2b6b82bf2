/** What every order action popup takes: the order and the detail page's callbacks (submit: utils/usePopupSubmit). */
import type { PopupCallbacks } from '../../../../utils/usePopupSubmit';

export interface PopupProps extends PopupCallbacks {
  orderId: string;
}
