import type { ControlField } from '../../store/experiment';

export interface ControlGroup {
  legend: string;
  fields: readonly ControlField[];
}

/** Which fieldset each control sits in, in order; groups.test.ts checks no field is left out. */
export const CONTROL_GROUPS: readonly ControlGroup[] = [
  { legend: 'Model', fields: ['architecture', 'hidden', 'convChannels', 'latentDim'] },
  { legend: 'Likelihood', fields: ['likelihood', 'variance', 'bins', 'binarize'] },
  { legend: 'Objective', fields: ['objective', 'beta', 'mmdWeight', 'mmdBandwidth'] },
  { legend: 'Training', fields: ['optimizer', 'momentum', 'batchSize', 'learningRate', 'epochs', 'patience', 'seed'] },
];
