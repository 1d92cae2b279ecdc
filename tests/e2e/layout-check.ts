/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';

/**
 * What is cut off or overlaps in the studio as it is on screen: the page scrolling (only panels
 * may), a panel scrolling sideways, a control or picture sticking out of its panel, the header or
 * the status bar. Returns one line per problem, [] when the layout holds.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${
        el.textContent?.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : ''
      }`;
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth + 1)
      problems.push(`the page scrolls sideways (${root.scrollWidth} > ${innerWidth})`);
    if (root.scrollHeight > innerHeight + 1)
      problems.push(`the page scrolls down (${root.scrollHeight} > ${innerHeight})`);
    for (const panel of document.querySelectorAll<HTMLElement>('.panel')) {
      if (panel.scrollWidth > panel.clientWidth + 1)
        problems.push(
          `${panel.getAttribute('aria-label')} panel scrolls sideways (${panel.scrollWidth} > ${panel.clientWidth})`,
        );
    }
    const items = document.querySelectorAll('canvas, button, select, input, label, h2, h3, figcaption, p, li');
    for (const el of items) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const frame = el.closest('.panel, header, footer');
      if (!frame) continue;
      const outer = frame.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1)
        problems.push(
          `${name(el)} sticks out of ${frame.getAttribute('aria-label') ?? frame.tagName.toLowerCase()} sideways`,
        );
      if (frame.tagName !== 'SECTION' && (box.top < outer.top - 1 || box.bottom > outer.bottom + 1))
        problems.push(`${name(el)} sticks out of the ${frame.tagName.toLowerCase()}`);
    }
    // A picture shown larger than its pixels must be scaled as pixel art, never smoothed.
    for (const canvas of document.querySelectorAll('canvas')) {
      const box = canvas.getBoundingClientRect();
      if (box.width > canvas.width + 1 && getComputedStyle(canvas).imageRendering !== 'pixelated')
        problems.push(
          `${name(canvas)} is scaled ${canvas.width} → ${Math.round(box.width)} px without pixelated rendering`,
        );
    }
    return problems;
  });
}

/** Whether a picture is wholly visible inside its panel's visible box (not cut by its frame). */
export async function fullyShown(page: Page, testid: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const frame = el?.closest('.panel');
    if (!el || !frame) return false;
    const box = el.getBoundingClientRect();
    const outer = frame.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.left >= outer.left &&
      box.right <= outer.right &&
      box.top >= outer.top &&
      box.bottom <= outer.bottom &&
      box.bottom <= innerHeight &&
      box.right <= innerWidth
    );
  }, testid);
}
