/** The caption under an exported picture: what the page passes to the export, as data. */
export interface ExportCaption {
  /** what the picture shows, e.g. "Who commissions what in English health and care" */
  title: string;
  /** the date or period it shows, in words, e.g. "October 2015" or "Financial year 2015/16" */
  date: string;
  /** the sources behind what is drawn, as a reader should see them (titles, or file names for the five documents) */
  sources: readonly string[];
}
