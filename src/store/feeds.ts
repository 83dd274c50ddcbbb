import type { StoreApi } from 'zustand/vanilla';
import { laneClient, trainerClient } from '../client/instance';
import type { RequestFn, TrainerListener } from '../client/port';
import { laneTrainingStore, trainingStore } from './stores';
import type { TrainingState } from './training';

/**
 * One trainer as a panel sees it: its events, its requests and its training facts. The Train view's
 * panels read the main one; the race draws the same components once per lane.
 */
export interface TrainerFeed {
  subscribe(listener: TrainerListener): () => void;
  request: RequestFn;
  training: StoreApi<TrainingState>;
}

// A client's `request` is an arrow property: passed on as it is, it keeps its client.
export const mainFeed: TrainerFeed = { subscribe: (l) => trainerClient.subscribe(l), request: trainerClient.request, training: trainingStore };

/** The race's second trainer (its own worker). */
export const laneFeed: TrainerFeed = { subscribe: (l) => laneClient.subscribe(l), request: laneClient.request, training: laneTrainingStore };

/** The race's lanes, in order: the Train view's run, then the second trainer's. */
export const raceFeeds = [mainFeed, laneFeed] as const;
