/**
 * h5 only: the browser shows no navigation bar, so every page but home carries 返回 (history back inside the
 * app, else home) and 首页 here, rendered once by the app before the pages (the router hides a page that is not
 * its box's last child); pages sit below it.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from '../../utils/routes';
import './H5Nav.scss';

/** Home needs no way home; sign-in comes before home. */
const WITHOUT_BAR: readonly string[] = [ROUTES.home, ROUTES.signin];

function here(): string {
  return window.location.hash.replace(/^#/, '').split('?')[0] || ROUTES.home;
}

function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: ROUTES.home });
}

export default function H5Nav() {
  const [route, setRoute] = useState(here);
  const [title, setTitle] = useState(document.title);
  useEffect(() => {
    // The router sets the page title just before it says the route changed; a page may set its own later.
    const onRoute = () => {
      setRoute(here());
      setTitle(document.title);
    };
    const onTitle = (t: string) => setTitle(t);
    Taro.eventCenter.on('__afterTaroRouterChange', onRoute);
    Taro.eventCenter.on('__taroH5SetNavigationBarTitle', onTitle);
    return () => {
      Taro.eventCenter.off('__afterTaroRouterChange', onRoute);
      Taro.eventCenter.off('__taroH5SetNavigationBarTitle', onTitle);
    };
  }, []);
  const shown = !WITHOUT_BAR.includes(route);
  useEffect(() => {
    document.body.classList.toggle('wg-nav-shown', shown);
  }, [shown]);
  if (!shown) return null;
  return (
    <nav className="h5-nav" id="h5-nav" aria-label="页面导航">
      <button type="button" className="h5-nav__btn" id="h5-nav-back" onClick={back}>
        ‹ 返回
      </button>
      <span className="h5-nav__title">{title}</span>
      <button type="button" className="h5-nav__btn" id="h5-nav-home" onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
        首页
      </button>
    </nav>
  );
}
