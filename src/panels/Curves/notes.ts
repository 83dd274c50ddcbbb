import type { Layout } from 'plotly.js-strict-dist-min';

/** A moment worth marking on the curves, e.g. "β = 2" where β was edited. */
export interface CurveNote {
  step: number;
  text: string;
}

const NOTE_COLOR = '#6b7280';

/** The layout keys that draw notes: a dashed vertical line per note and its label at the top. */
export function noteLayout(notes: readonly CurveNote[]): Pick<Layout, 'shapes' | 'annotations'> {
  return {
    shapes: notes.map((n) => ({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: n.step,
      x1: n.step,
      y0: 0,
      y1: 1,
      line: { color: NOTE_COLOR, width: 1, dash: 'dash' },
    })),
    annotations: notes.map((n) => ({
      x: n.step,
      xref: 'x',
      y: 1,
      yref: 'paper',
      text: n.text,
      showarrow: false,
      xanchor: 'left',
      yanchor: 'top',
      xshift: 3,
      font: { size: 11, color: NOTE_COLOR },
      bgcolor: 'rgba(255,255,255,0.8)',
    })),
  };
}
