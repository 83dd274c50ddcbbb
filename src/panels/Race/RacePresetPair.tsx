import { useState } from 'react';
import type { PresetGroup } from '../../config/presets';
import { racePresets } from './startRace';

/**
 * "Race these two" on a preset group: its two presets, or (in a larger group) the two chosen here,
 * first against last until changed.
 */
export function RacePresetPair({ g }: { g: PresetGroup }) {
  const n = g.presets.length;
  const [pick, setPick] = useState<[number, number]>([0, n - 1]);
  if (n < 2) return null;
  const choose = (side: 0 | 1) => (
    <select aria-label={`${side === 0 ? 'First' : 'Second'} run of the race`} value={pick[side]} onChange={(e) => setPick(side === 0 ? [Number(e.target.value), pick[1]] : [pick[0], Number(e.target.value)])}>
      {g.presets.map((p, i) => (
        <option key={p.id} value={i}>
          {p.label}
        </option>
      ))}
    </select>
  );
  const [a, b] = [g.presets[pick[0]], g.presets[pick[1]]];
  return (
    <div className="preset-race" role="group" aria-label={`Race two models of ${g.title}`}>
      {n > 2 ? (
        <>
          {choose(0)} against {choose(1)}
        </>
      ) : null}
      <button type="button" className="btn btn-small" data-race-group={g.id} disabled={a === b} onClick={() => racePresets(g, a, b)} title={`Trains ${a.label} and ${b.label} at once, side by side in the Race view`}>
        Race these two
      </button>
    </div>
  );
}
