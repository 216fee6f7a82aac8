/**
 * The graph data contract: the shape of every file in `graphs/`.
 *
 * This module is the single source of truth. `npm run schema` turns it into the JSON Schemas in
 * `graphs/schema/`, which every data file links with `$schema` so an editor checks it while one types.
 * Cross-file rules (edge ends exist, entity ids known, reference numbers resolve…) live in `validate.ts`.
 */
import { z } from 'zod';

// No code generation: zod otherwise probes `new Function('')` to pick a faster parser, which a strict
// Content-Security-Policy (no 'unsafe-eval') reports as a violation even though zod catches the refusal.
// Stryker disable next-line ObjectLiteral,BooleanLiteral: not observable in Node, which allows code generation; csp.e2e.ts fails on the violation it causes in the browser
z.config({ jitless: true });

/** Kinds of biological thing. The order is the reading order of a diagram (see `KIND_PARTITION`). */
export const ENTITY_KINDS = [
  'msc-source',
  'intervention',
  // two or more things given together (cells with a drug, a recipe, a scaffold…): what the review credits to the
  // combination is drawn from this node, never from one of its parts
  'combination',
  'vesicle',
  'secreted-factor',
  'marker',
  'msc-property',
  'anatomical-site',
  'mirna',
  'gene-or-protein',
  'pathway',
  'immune-cell',
  'cytokine',
  'cell-type',
  'cellular-process',
  'hormone',
  'ovarian-outcome',
  'challenge',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** What an edge says. Each relation has one sign, so a reader never has to guess it (see `RELATION_SIGN`). */
export const RELATIONS = [
  // production and presence: neutral, the source makes or carries the target
  'secretes',
  'expresses',
  'delivers',
  // an amount or level goes up or down
  'upregulates',
  'downregulates',
  // an activity or pathway is switched on or off
  'activates',
  'inhibits',
  // a process or outcome is favoured or lessened
  'promotes',
  'reduces',
  // the review links two things ("regulates", "via") without saying which way
  'regulates',
  // cell behaviour
  'differentiates-into',
  'homes-to',
  'has-property',
  // interventions
  'pretreats',
  'combines-with',
  // a member of a combination (an entity of kind combination), drawn into it like an input of SBGN's AND
  'part-of',
  // open problems named in the review
  'raises-concern',
  // measured, but the review gives no result: drawn without a sign, never read as an effect
  'assessed',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const SPECIES = ['mouse', 'rat', 'human', 'other'] as const;
export const SETTINGS = ['in-vivo', 'in-vitro', 'patients'] as const;
export const INJURY_MODELS = [
  'cyclophosphamide',
  'cisplatin',
  'paclitaxel',
  'epirubicin',
  'chemotherapy-unspecified',
  'hydrogen-peroxide',
  'autoimmune',
  'natural-ageing',
  'other',
] as const;
export const ROUTES = ['intravenous', 'tail-vein', 'ovarian-injection', 'co-culture', 'scaffold'] as const;
export const SECTIONS = ['characteristics', 'effects', 'prospects'] as const;
/**
 * Where an evidence detail comes from: the review's own sentence, or, where the sentence is silent, the title
 * of the cited study as the review's reference list gives it (e.g. "…in rats", "cisplatin injured ovaries").
 */
export const EVIDENCE_BASES = ['review-text', 'reference-title'] as const;

/** Entity ids and figure ids: lower-case kebab-case, stable across releases (they appear in shared links). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "mir-21" or "pi3k-akt"');

/**
 * A cross-reference as a CURIE. Prefixes follow identifiers.org / Bioregistry spelling; we accept only the
 * databases the atlas links to, each with the shape of its local id, so a typo fails validation.
 */
export const CURIE_PATTERNS = {
  HGNC: /^HGNC:\d+$/,
  UniProt: /^UniProt:[OPQ][0-9][A-Z0-9]{3}[0-9]$|^UniProt:[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}$/,
  miRBase: /^miRBase:MI(?:MAT)?\d{7}$/,
  CL: /^CL:\d{7}$/,
  GO: /^GO:\d{7}$/,
  UBERON: /^UBERON:\d{7}$/,
  CHEBI: /^CHEBI:\d+$/,
  MESH: /^MESH:[CDQ]\d{6,9}$/,
} as const;
export type CuriePrefix = keyof typeof CURIE_PATTERNS;

const CURIE_PATTERN = new RegExp(
  Object.values(CURIE_PATTERNS)
    .map((r) => `(?:${r.source})`)
    .join('|'),
);

/** A regex (not a refinement) so the generated JSON Schema checks CURIEs in the editor too. */
export const curieSchema = z
  .string()
  .regex(
    CURIE_PATTERN,
    `must be a CURIE with a known prefix (${Object.keys(CURIE_PATTERNS).join(', ')}) and a well-formed id, e.g. HGNC:4893`,
  );

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const entitySchema = z
  .object({
    id: idSchema,
    label: shortText(40).describe('Short name drawn on the node, e.g. "HGF"'),
    name: shortText(120).optional().describe('Full name, e.g. "Hepatocyte growth factor"'),
    tissue: shortText(40).optional().describe('For an MSC source: the tissue it comes from, e.g. "bone marrow"'),
    kind: z.enum(ENTITY_KINDS),
    synonyms: z.array(shortText(120)).default([]).describe('Other names the review or the field uses'),
    xrefs: z.array(curieSchema).default([]).describe('CURIEs: HGNC, UniProt, miRBase, CL, GO, UBERON, CHEBI, MESH'),
    description: shortText(300).optional().describe('One or two sentences in our own words'),
    members: z
      .array(idSchema)
      .optional()
      .describe('For a combination only: the entities given together (two or more), e.g. ["hmbmsc", "bushen-tiaochong"]'),
  })
  .strict();

export const entitiesFileSchema = z
  .object({
    $schema: z.string().optional(),
    entities: z.array(entitySchema).min(1),
  })
  .strict();

export const referenceSchema = z
  .object({
    n: z.number().int().min(1).max(147).describe('Number in the review\'s reference list'),
    authors: shortText(600),
    title: shortText(400),
    journal: shortText(200),
    year: z.number().int().min(1900).max(2030),
    volume: z.string().max(40).optional(),
    issue: z.string().max(40).optional(),
    pages: z.string().max(40).optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1186/s13287-021-02212-0')
      .optional()
      .describe('The review gives 7; the others were matched by title, journal, year, volume and pages to the article\'s own record'),
    pmid: z
      .string()
      .regex(/^[1-9]\d{0,8}$/, 'must be a PubMed id: digits only, such as 30257708')
      .optional()
      .describe('PubMed id, where found with the article\'s own record'),
    retracted: z
      .object({
        date: z
          .string()
          .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date such as 2022-10-13')
          .describe('When the journal retracted the article'),
        notice: z
          .string()
          .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1186/s13287-022-03173-8')
          .optional()
          .describe('DOI of the retraction notice, where found'),
      })
      .strict()
      .optional()
      .describe('The article was retracted after the review cited it. The statements citing it are kept (the review makes them) and flagged wherever the reference is shown'),
  })
  .strict();

export const referencesFileSchema = z
  .object({
    $schema: z.string().optional(),
    review: z
      .object({
        citation: shortText(400),
        doi: z.string(),
        licence: shortText(40),
      })
      .strict(),
    references: z.array(referenceSchema).min(1),
  })
  .strict();

export const quantitySchema = z
  .object({
    what: shortText(120).describe('What was measured or given, e.g. "cyclophosphamide dose"'),
    value: z.number(),
    unit: shortText(20),
  })
  .strict();

export const injurySchema = z
  .object({
    agent: z.enum(INJURY_MODELS),
    dose: quantitySchema.optional(),
  })
  .strict();

export const evidenceSchema = z
  .object({
    species: z.array(z.enum(SPECIES)).optional(),
    setting: z.array(z.enum(SETTINGS)).optional(),
    injury: z.array(injurySchema).optional(),
    route: z.array(z.enum(ROUTES)).optional(),
    quantities: z.array(quantitySchema).optional(),
    context: shortText(100)
      .optional()
      .describe('Disease or tissue studied when it is not POF, e.g. "bone regeneration" or "focal brain injury"'),
    basis: z
      .enum(EVIDENCE_BASES)
      .optional()
      .describe('"reference-title" when some detail comes from the cited title rather than the review sentence'),
  })
  .strict();

export const nodeSchema = z
  .object({
    entity: idSchema.describe('Id of an entity in entities.json'),
    note: shortText(300).optional(),
  })
  .strict();

export const edgeSchema = z
  .object({
    id: idSchema,
    source: idSchema,
    target: idSchema,
    relation: z.enum(RELATIONS),
    refs: z.array(z.number().int()).describe('Reference numbers of the review (1–147)'),
    section: z.enum(SECTIONS).describe('Which part of the review states it'),
    sources: z.array(idSchema).optional().describe('MSC sources this edge is about, when not the figure\'s'),
    evidence: evidenceSchema.default({}).describe('Details that hold for every reference of the edge'),
    evidenceByRef: z
      .record(z.string().regex(/^[1-9][0-9]*$/, 'must be a reference number of the edge, e.g. "126"'), evidenceSchema)
      .optional()
      .describe('Details that hold for one reference only, keyed by its number, e.g. {"126": {"route": ["ovarian-injection"]}}'),
    note: shortText(240).describe('One line in our own words'),
  })
  .strict();

export const figureFileSchema = z
  .object({
    $schema: z.string().optional(),
    id: idSchema,
    order: z.number().int().min(1),
    label: shortText(30).describe('e.g. "Fig. 1" or "Table 2"'),
    title: shortText(160),
    caption: shortText(600).describe('What the figure shows, in our own words'),
    section: shortText(160).describe('Heading of the review section it belongs to'),
    sources: z.array(idSchema).min(1).describe('MSC sources (entities of kind msc-source) the figure is about'),
    nodes: z.array(nodeSchema).min(1),
    edges: z.array(edgeSchema).min(1),
  })
  .strict();

export type Entity = z.infer<typeof entitySchema>;
export type EntitiesFile = z.infer<typeof entitiesFileSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type ReferencesFile = z.infer<typeof referencesFileSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type FigureNode = z.infer<typeof nodeSchema>;
export type FigureEdge = z.infer<typeof edgeSchema>;
export type FigureFile = z.infer<typeof figureFileSchema>;
export type Species = (typeof SPECIES)[number];
export type Setting = (typeof SETTINGS)[number];
export type InjuryModel = (typeof INJURY_MODELS)[number];
export type Section = (typeof SECTIONS)[number];

export type Sign = 'increase' | 'decrease' | 'neutral';

/** The sign of each relation, as SBGN activity-flow draws it: arrow (increase), tee (decrease), plain. */
export const RELATION_SIGN: Record<Relation, Sign> = {
  secretes: 'neutral',
  expresses: 'neutral',
  delivers: 'neutral',
  upregulates: 'increase',
  downregulates: 'decrease',
  activates: 'increase',
  inhibits: 'decrease',
  promotes: 'increase',
  reduces: 'decrease',
  regulates: 'neutral',
  'differentiates-into': 'neutral',
  'homes-to': 'neutral',
  'has-property': 'neutral',
  pretreats: 'neutral',
  'combines-with': 'neutral',
  'part-of': 'neutral',
  'raises-concern': 'neutral',
  assessed: 'neutral',
};

/**
 * Reading order of a diagram, left to right: cell source → its markers and traits → what it releases → signalling
 * → processes → ovarian outcomes. Used as ELK partitions (see src/layout/elk-options.ts).
 */
export const KIND_PARTITION: Record<EntityKind, number> = {
  'msc-source': 0,
  intervention: 0,
  combination: 1,
  // What the cell is: its markers and traits, in a column of their own so that long marker lists do not
  // stretch the column of what it releases.
  marker: 1,
  'msc-property': 1,
  vesicle: 2,
  'secreted-factor': 2,
  'anatomical-site': 2,
  mirna: 3,
  'gene-or-protein': 3,
  pathway: 3,
  'immune-cell': 3,
  cytokine: 3,
  'cell-type': 4,
  'cellular-process': 4,
  hormone: 5,
  'ovarian-outcome': 5,
  challenge: 5,
};

/** Human-readable names of the kinds, for legends and filters. */
export const KIND_LABEL: Record<EntityKind, string> = {
  'msc-source': 'MSC source',
  intervention: 'Intervention',
  combination: 'Combination',
  vesicle: 'Vesicle',
  'secreted-factor': 'Secreted factor',
  marker: 'Marker',
  'msc-property': 'MSC property',
  'anatomical-site': 'Site',
  mirna: 'miRNA',
  'gene-or-protein': 'Gene or protein',
  pathway: 'Pathway',
  'immune-cell': 'Immune cell',
  cytokine: 'Cytokine',
  'cell-type': 'Cell type',
  'cellular-process': 'Cellular process',
  hormone: 'Hormone',
  'ovarian-outcome': 'Ovarian outcome',
  challenge: 'Open problem',
};
