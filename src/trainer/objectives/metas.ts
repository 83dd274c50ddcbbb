import { autoencoderMeta } from './autoencoder.meta';
import { betaVaeMeta } from './beta-vae.meta';
import { elboMeta } from './elbo.meta';
import type { ObjectiveMeta, ObjectiveOptionKey, ObjectiveOptionSpec } from './meta';
import { mmdMeta } from './mmd.meta';

/** Every objective's metadata, in menu order: the one list both threads read (no tfjs here). */
export const OBJECTIVE_METAS = [elboMeta, betaVaeMeta, mmdMeta, autoencoderMeta] as const;

export type ObjectiveId = (typeof OBJECTIVE_METAS)[number]['id'];
export const OBJECTIVE_IDS: readonly ObjectiveId[] = OBJECTIVE_METAS.map((m) => m.id);

export function isObjectiveId(id: string): id is ObjectiveId {
  return OBJECTIVE_IDS.includes(id as ObjectiveId);
}

export function objectiveMeta(id: ObjectiveId): ObjectiveMeta<ObjectiveId> {
  return OBJECTIVE_METAS.find((m) => m.id === id)!;
}

/** Every objective option with the objective that reads it, in menu order. */
export const OBJECTIVE_OPTIONS: readonly { key: ObjectiveOptionKey; owner: ObjectiveId; spec: ObjectiveOptionSpec }[] = OBJECTIVE_METAS.flatMap((m) =>
  (Object.entries(m.options) as [ObjectiveOptionKey, ObjectiveOptionSpec][]).map(([key, spec]) => ({ key, owner: m.id, spec })),
);

export function objectiveOption(key: ObjectiveOptionKey): { owner: ObjectiveId; spec: ObjectiveOptionSpec } {
  const o = OBJECTIVE_OPTIONS.find((x) => x.key === key);
  if (!o) throw new Error(`objective option "${key}" belongs to no objective`);
  return o;
}
