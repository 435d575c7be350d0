import type { Page } from "@playwright/test";

/** Offending elements printed per page: the outermost come first, the rest are usually inside them. */
const MAX_SHOWN = 12;

/** What sticks out past the viewport's edges, measured in the page: each element as a short CSS path. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("body *")];
    // A box scrolled sideways (by a click that brought its button into view) would hide what sticks out of it.
    window.scrollTo(0, window.scrollY);
    for (const element of all) if (element.scrollLeft) element.scrollLeft = 0;
    const limit = window.innerWidth + 0.5;
    const describe = (element: Element) => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
        const classes = [...node.classList].map((name) => `.${name}`).join("");
        parts.unshift(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${classes}`);
      }
      return parts.join(" > ");
    };
    const offenders = all.flatMap((element) => {
      const { left, right } = element.getBoundingClientRect();
      if (right > limit) return [`${describe(element)} (right edge ${Math.round(right)} px)`];
      return left < -0.5 ? [`${describe(element)} (left edge ${Math.round(left)} px)`] : [];
    });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders };
  });
}

/**
 * What makes the page wider than its viewport, in words: at a phone's width no element may reach
 * past the edges, so the page never scrolls sideways and nothing is cut off.
 */
export async function widthProblems(page: Page, name: string): Promise<string[]> {
  const { scrollWidth, innerWidth, offenders } = await overflowing(page);
  const found = scrollWidth > innerWidth ? [`${name}: the page is ${scrollWidth} px wide, the viewport ${innerWidth} px`] : [];
  const shown = offenders.slice(0, MAX_SHOWN).map((offender) => `  ${offender}`);
  const more = offenders.length > MAX_SHOWN ? [`  … and ${offenders.length - MAX_SHOWN} more`] : [];
  if (offenders.length) found.push([`${name} (${new URL(page.url()).pathname}): past the viewport's edges:`, ...shown, ...more].join("\n"));
  return found;
}
