/**
 * PLACEHOLDER (issue 5, being built): actions on the current view — copy a link to it, export its
 * picture as SVG or PNG with a caption (date and sources), print. The interface below is fixed;
 * pages may use it now.
 */
export interface ExportCaption {
  /** what the picture shows, e.g. "Who commissions what in English health and care" */
  title: string;
  /** the date or period it shows, in words, e.g. "October 2015" or "Financial year 2015/16" */
  date: string;
  /** the sources behind what is drawn, as a reader should see them (titles, or file names for the five documents) */
  sources: readonly string[];
}

export interface ViewActionsProps {
  /** the SVG to export; null when nothing is drawn (then the export buttons are not offered) */
  getSvg?: () => SVGSVGElement | null;
  caption: ExportCaption;
  /** the downloaded file's name without extension, e.g. "commissioning-map-2015-10" */
  fileName: string;
}

export function ViewActions(_props: ViewActionsProps) {
  return null;
}
