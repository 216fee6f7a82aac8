/**
 * Names written differently but meaning the same: "TGF-β", "TGF-beta" and "tgf beta" all normalise to
 * "tgfbeta"; "IL-1β" to "il1beta"; "miR-21" to "mir21". Used to catch two entities that collide and to match
 * what a user types in search.
 */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ω: 'omega',
};

export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[αβγδεκλμω]/g, (c) => GREEK[c] ?? c)
    .replace(/[\u0300-\u036f]/g, '') // accents left over from NFKD
    .replace(/[^a-z0-9+]/g, ''); // punctuation and spaces; "+" kept so CD44+ differs from CD44
}
