/**
 * A colour for each commissioner, so that a service's tile takes the colour of whoever commissions
 * it and the change of colour itself shows April 2013 and October 2015. Colours are from the NHS.UK
 * palette; each comes as a strong shade (white text on it meets 4.5:1), a tint for tiles (dark text
 * on it meets 4.5:1) and a wash for the card. Colour is never the only signal: the card's header
 * names the commissioner.
 */
import type { MapOrganisationNode } from '../../domain/graph';
import type { CommissionerColour } from './scene';

const PALETTE = {
  purple: { strong: '#330072', tint: '#e5dcf0', wash: '#f4f0f9' },
  blue: { strong: '#005eb8', tint: '#d9e8f6', wash: '#eef5fb' },
  darkBlue: { strong: '#003087', tint: '#d6def0', wash: '#edf1f8' },
  green: { strong: '#006747', tint: '#d5ede0', wash: '#ecf7f1' },
  pink: { strong: '#ae2573', tint: '#f6dcea', wash: '#fbeff5' },
  brown: { strong: '#7c2855', tint: '#efdce6', wash: '#f8eff3' },
  grey: { strong: '#425563', tint: '#e0e6ea', wash: '#f0f4f5' },
  teal: { strong: '#00746b', tint: '#d3ecea', wash: '#ebf6f5' },
} satisfies Record<string, CommissionerColour>;

/** The bodies the story turns on, by id; any other commissioner takes a colour by its category. */
const BY_ID: Record<string, CommissionerColour> = {
  'primary-care-trusts': PALETTE.purple,
  'clinical-commissioning-groups': PALETTE.blue,
  'nhs-england': PALETTE.darkBlue,
  'local-authorities': PALETTE.green,
  'specialised-commissioning-groups': PALETTE.pink,
  'public-health-england': PALETTE.teal,
};

const BY_CATEGORY: Record<string, CommissionerColour> = {
  commissioner: PALETTE.blue,
  'public-health': PALETTE.teal,
  government: PALETTE.darkBlue,
  provider: PALETTE.green,
  partnership: PALETTE.brown,
};

export function commissionerColour(node: MapOrganisationNode | undefined): CommissionerColour {
  if (!node) return PALETTE.grey;
  return BY_ID[node.organisationId] ?? BY_CATEGORY[node.category] ?? PALETTE.grey;
}
