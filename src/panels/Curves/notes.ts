/** A moment worth marking on the curves, e.g. "β = 2" where β was edited. */
export interface CurveNote {
  step: number;
  text: string;
}
