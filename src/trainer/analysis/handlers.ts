import type { AnalysisKind } from '../../protocol';
import { amortizationGap } from './completion/amortizationGap';
import { complete } from './completion/complete';
import { drawingCode } from './drawing/drawingCode';
import { encode } from './encode';
import { gmm } from './gmm/handler';
import { iwae } from './iwae/handler';
import { probe } from './probe/handler';
import { EXPLORE_HANDLERS } from './explore';
import { testImages } from './completion/testImages';
import { memory } from './memory';
import type { Handler } from './types';

/** One line per analysis kind; the protocol's AnalysisKinds lists their requests and results. */
export const HANDLERS: { [K in AnalysisKind]: Handler<K> } = {
  encode,
  gmm,
  probe,
  iwae,
  ...EXPLORE_HANDLERS,
  testImages,
  complete,
  amortizationGap,
  drawingCode,
  memory,
};
