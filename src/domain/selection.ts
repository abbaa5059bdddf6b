/** What the person has chosen to look at: a service or an organisation, by id, or nothing. */
export type Selection = { kind: 'service' | 'organisation'; id: string } | null;
