import type { AnalysisKind } from '../../protocol';
import { encode } from './encode';
import type { Handler } from './types';

/** One line per analysis kind; the protocol's AnalysisKinds lists their requests and results. */
export const HANDLERS: { [K in AnalysisKind]: Handler<K> } = {
  encode,
};
