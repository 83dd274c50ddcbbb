/** Just the parts of plotly.js the app calls; the strict bundle ships no types of its own. */
declare module 'plotly.js-strict-dist-min' {
  export interface Data {
    x?: number[];
    y?: number[];
    name?: string;
    type?: string;
    mode?: string;
    line?: Record<string, unknown>;
    marker?: Record<string, unknown>;
    hovertemplate?: string;
    [key: string]: unknown;
  }
  export type Layout = Record<string, unknown>;
  export type Config = Record<string, unknown>;
  export interface PlotlyHTMLElement extends HTMLElement {
    data: Data[];
    layout: Layout;
  }
  export interface TraceUpdate {
    x: number[][];
    y: number[][];
  }
  export interface PlotlyStatic {
    newPlot(root: HTMLElement, data: Data[], layout?: Layout, config?: Config): Promise<PlotlyHTMLElement>;
    react(root: HTMLElement, data: Data[], layout?: Layout, config?: Config): Promise<PlotlyHTMLElement>;
    extendTraces(root: HTMLElement, update: TraceUpdate, indices: number[], maxPoints?: number): Promise<PlotlyHTMLElement>;
    relayout(root: HTMLElement, update: Layout): Promise<PlotlyHTMLElement>;
    restyle(root: HTMLElement, update: Record<string, unknown>, indices?: number[]): Promise<PlotlyHTMLElement>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): Promise<void> };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
