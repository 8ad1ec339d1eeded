import { filterDeclarations } from './css-filter';

/**
 * Moves an email's `<style>` rules into `style` attributes. Perch's page allows inline
 * style attributes but no inline `<style>` elements (server/security/headers.ts), and the
 * `srcdoc` frame inherits that policy, so this is how an email keeps the look its sender
 * gave it. An approximation of the cascade, good enough to read an email: plain style
 * rules in source order, a later rule overriding an earlier one, the element's own `style`
 * winning unless the rule says `!important`. `@import`, `@font-face`, `@media` and rules
 * whose selector needs a live document (`:hover`, `::before`) are left out; every
 * declaration passes the same URL filter as a style attribute.
 */

interface StyleRuleLike {
  selectorText: string;
  style: CSSStyleDeclaration;
}

function isStyleRule(rule: CSSRule): rule is CSSRule & StyleRuleLike {
  return 'selectorText' in rule && 'style' in rule;
}

function parseSheet(text: string): CSSRuleList | null {
  try {
    const sheet = new CSSStyleSheet();
    // `replaceSync` ignores `@import` and never fetches anything.
    sheet.replaceSync(text);
    return sheet.cssRules;
  } catch {
    return null;
  }
}

export function inlineStyleSheets(
  root: Element,
  sheets: readonly string[],
  allowRemote: boolean,
): { blockedRemote: number } {
  let blockedRemote = 0;
  /** Properties each element set itself, which a rule without !important never overrides. */
  const own = new WeakMap<Element, Set<string>>();
  const ownOf = (element: HTMLElement): Set<string> => {
    let names = own.get(element);
    if (names === undefined) {
      names = new Set<string>();
      for (let i = 0; i < element.style.length; i += 1) names.add(element.style.item(i));
      own.set(element, names);
    }
    return names;
  };

  for (const text of sheets) {
    const rules = parseSheet(text);
    if (rules === null) continue;
    for (const rule of Array.from(rules)) {
      if (!isStyleRule(rule)) continue;
      blockedRemote += filterDeclarations(rule.style, allowRemote).blockedRemote;
      let targets: Element[];
      try {
        targets = Array.from(root.querySelectorAll(rule.selectorText));
      } catch {
        continue;
      }
      for (const target of targets) {
        if (!(target instanceof HTMLElement)) continue;
        const ownNames = ownOf(target);
        for (let i = 0; i < rule.style.length; i += 1) {
          const name = rule.style.item(i);
          const priority = rule.style.getPropertyPriority(name);
          if (ownNames.has(name) && priority !== 'important') continue;
          target.style.setProperty(name, rule.style.getPropertyValue(name), priority);
        }
      }
    }
  }
  return { blockedRemote };
}
