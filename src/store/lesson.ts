import { createStore } from 'zustand/vanilla';
import type { Lesson } from '../lessons/format';

/** What the step is doing: waiting for a prediction, training, reading the live figure, or done. */
export type Phase = 'asking' | 'running' | 'checking' | 'done';
export interface Outcome {
  answer: number;
  figure: number;
  right: boolean;
  off: number;
}
export interface LessonState {
  ref: string | null;
  lesson: Lesson | null;
  index: number;
  phase: Phase;
  outcome: Outcome | null;
  /** Why the step's actions or the figure failed, in words. */
  error: string | null;
  /** Why a lesson could not be opened (the one open, if any, stays). */
  loadError: string[] | null;
  loading: boolean;
}

/** Which lesson was open, and the step each lesson was left at. */
const KEY = 'vae-playground:lessons';
interface Saved {
  open: string | null;
  at: Record<string, number>;
}
export function saved(): Saved {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Saved> | null;
    return { open: typeof v?.open === 'string' ? v.open : null, at: v && typeof v.at === 'object' && v.at ? v.at : {} };
  } catch {
    return { open: null, at: {} };
  }
}
export function save(ref: string | null, index: number): void {
  const s = saved();
  if (ref) s.at[ref] = index;
  s.open = ref;
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or denied: the lesson still runs, it just starts over next time.
  }
}

/** No lesson open. */
export const INITIAL: LessonState = { ref: null, lesson: null, index: 0, phase: 'done', outcome: null, error: null, loadError: null, loading: false };
/** The open lesson and where it stands; src/lessons/lessonRunner.ts holds its actions. */
export const lessonStore = createStore<LessonState>()(() => INITIAL);
