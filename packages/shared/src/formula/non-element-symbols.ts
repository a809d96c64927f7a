/**
 * Symbols that occur in SuperCon formulas but are not elements; they are rejected by name
 * ('non-element-symbol') rather than as unknown: D and T (hydrogen isotopes), M (unspecified
 * intercalated molecule, e.g. M0.26Ta1S2), Ph (phenyl, P4Ph5) and TI (a typo for Tl).
 */
export const NON_ELEMENT_SYMBOLS: ReadonlySet<string> = new Set(['D', 'T', 'M', 'Ph', 'TI']);
