/** Escapes text for XML/HTML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** Coordinates with at most two decimals: sub-pixel precision nobody sees only bloats the markup. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function attrText(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? coord(value) : escapeXml(value)}"`)
    .join('');
}

/** One element; `children` is markup (already escaped), a self-closing tag when absent. */
export function tag(name: string, attrs: Attrs, children?: string | readonly string[]): string {
  if (children === undefined) return `<${name}${attrText(attrs)}/>`;
  const inner = typeof children === 'string' ? children : children.join('');
  return `<${name}${attrText(attrs)}>${inner}</${name}>`;
}

/** A text element whose content is escaped. */
export function text(attrs: Attrs, content: string): string {
  return tag('text', attrs, escapeXml(content));
}

/** The root element: scalable (viewBox), labelled for screen readers, standalone-valid (xmlns). */
export function svgRoot(width: number, height: number, title: string, children: readonly string[]): string {
  return tag(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': title,
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
    },
    [tag('title', {}, escapeXml(title)), ...children],
  );
}
