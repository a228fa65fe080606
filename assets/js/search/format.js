// format.js: UI text from the page's messages (i18n search_* keys).

// format fills {name} placeholders from values.
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (all, k) => (k in values ? String(values[k]) : all));
}

const rules = new Map(); // locale → Intl.PluralRules, made once: making one is slow

// plural picks the form of a message with plural forms ({one, other}) for
// n in the locale's plural rules, and fills {n}.
export function plural(forms, n, locale) {
  if (!rules.has(locale)) rules.set(locale, new Intl.PluralRules(locale));
  const rule = rules.get(locale).select(n);
  return format(forms[rule] || forms.other, { n });
}
