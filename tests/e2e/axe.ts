/**
 * Accessibility checks for a page open in Chromium: axe-core's rules (injected from the npm package,
 * no browser download) and the 工信部 适老化 figures measured on what the page draws in 长辈模式.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** 工信部《移动互联网应用（APP）适老化通用设计规范》 as the issue states them, in CSS px at 375 px wide. */
export const ELDER_MIN_TEXT_PX = 18;
export const MIN_TAP_PX = 44;

/** axe's serious and critical violations on the page as drawn now, one line per node: rule id, target, axe's summary. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const found = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact}] ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`));
  });
  return found;
}

/**
 * What in the visible page falls short of the elder figures: any text under 18 px, and any tappable
 * thing (link, button, switch, field, or an element with a click handler) under 44×44 px.
 * A tappable element's own box counts, or the box of a tappable ancestor that holds it.
 * Also says how many texts and tappables it measured, so a page that drew nothing cannot pass.
 */
export function elderSizeFaults(page: Page): Promise<{ faults: string[]; texts: number; taps: number }> {
  return page.evaluate(
    ([minText, minTap]) => {
      const faults: string[] = [];
      let [texts, taps] = [0, 0];
      const visible = (e: Element) => {
        const r = e.getBoundingClientRect();
        const cs = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.opacity !== '0';
      };
      const name = (e: Element) =>
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList[0] ? `.${e.classList[0]}` : ''}「${(e.textContent ?? '').trim().slice(0, 12)}」`;
      // Taro's h5 components keep their handlers in `__events` (React's own props for plain tags).
      const handles = (e: Element): boolean => {
        const own = e as unknown as Record<string, Record<string, unknown> | undefined>;
        const props = own[Object.keys(e).find((k) => k.startsWith('__reactProps$')) ?? ''];
        return ['click', 'tap'].some((k) => own.__events?.[k]) || typeof props?.onClick === 'function';
      };
      const tappable = (e: Element): boolean =>
        e.matches(
          'a[href], button, label, taro-label-core, input:not([type=hidden]), textarea, [role=button], [role=switch], [role=tab], [role=checkbox], [role=radio], .nut-button, taro-button-core',
        ) || handles(e);
      // Every page stays in the DOM on h5; the hidden ones have empty boxes.
      for (const e of Array.from(document.querySelectorAll('body *'))) {
        if (!visible(e)) continue;
        const ownText = Array.from(e.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
        const size = parseFloat(getComputedStyle(e).fontSize);
        if (ownText) texts++;
        if (ownText && size < minText) faults.push(`字号 ${size}px < ${minText}px：${name(e)}`);
        if (!tappable(e)) continue;
        taps++;
        // A tappable inside a tappable is one target: the finger meets the union of their boxes.
        const own = e.getBoundingClientRect();
        let [left, top, right, bottom] = [own.left, own.top, own.right, own.bottom];
        for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
          if (!tappable(up) || !visible(up)) continue;
          const r = up.getBoundingClientRect();
          [left, top, right, bottom] = [Math.min(left, r.left), Math.min(top, r.top), Math.max(right, r.right), Math.max(bottom, r.bottom)];
        }
        const [w, h] = [right - left, bottom - top];
        if (w < minTap - 0.5 || h < minTap - 0.5) faults.push(`点按区域 ${Math.round(w)}×${Math.round(h)}px < ${minTap}×${minTap}：${name(e)}`);
      }
      return { faults: Array.from(new Set(faults)), texts, taps };
    },
    [ELDER_MIN_TEXT_PX, MIN_TAP_PX] as const,
  );
}
