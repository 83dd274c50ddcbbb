import { useEffect, useState } from 'react';
import { PRESET_GROUPS, presetRunName, type Preset, type PresetGroup } from '../../config/presets';
import { loadStartingPoints, type StartingPoint } from '../../data/startingPoints';
import { durationText, estimateSeconds } from '../../config/runTime';
import { presetStore } from '../../store/preset';
import { viewStore } from '../../store/view';
import { PanelTools } from '../../ui/PanelTools';
import { RacePresetPair } from '../Race/RacePresetPair';
import { runsActions } from '../Runs/runsStore';

/** One click: the preset's settings, a new run named after it, training at once in the Train view. */
function start(g: PresetGroup, p: Preset): void {
  // A preset starts a new run; the one in the Train view is kept in Saved runs.
  presetStore.getState().actions.set(g, p);
  runsActions.startFrom(p.config, { name: presetRunName(g, p), train: true });
  viewStore.getState().show('train');
}

/** Opens the preset's model trained ahead, paused, in the Train view. */
function startTrained(g: PresetGroup, p: Preset, start: StartingPoint): void {
  presetStore.getState().actions.set(g, p);
  void runsActions.openStartingPoint(start);
  viewStore.getState().show('train');
}

let shipped: Promise<Map<string, StartingPoint>> | null = null;

function Group({ g, starts }: { g: PresetGroup; starts: Map<string, StartingPoint> }) {
  const trained = g.presets.flatMap((p) => {
    const start = starts.get(p.id);
    return start ? [{ p, start }] : [];
  });
  return (
    <article className="preset-card" aria-labelledby={`preset-${g.id}`}>
      <h3 id={`preset-${g.id}`}>{g.title}</h3>
      <p className="preset-look">
        <span className="preset-look-label">Look at: </span>
        {g.lookAt}
      </p>
      <div className="preset-buttons" role="group" aria-label={`Train a model of ${g.title}`}>
        {g.presets.map((p) => (
          <button
            key={p.id}
            type="button"
            className="btn btn-small"
            data-preset={p.id}
            aria-describedby={`preset-${g.id}`}
            title={`Loads these settings and starts training at once (${p.config.epochs} epochs, ${durationText(estimateSeconds(p.config))} on a typical laptop)`}
            onClick={() => start(g, p)}
          >
            {p.label}
            <span className="preset-time">{durationText(estimateSeconds(p.config))}</span>
          </button>
        ))}
      </div>
      {trained.length ? (
        // Their own row: "start trained" reads as the second way in, not as one more model.
        <div className="preset-buttons" role="group" aria-label={`Open a model of ${g.title} trained ahead`}>
          {trained.map(({ p, start }) => (
            <button
              key={`${p.id}-trained`}
              type="button"
              className="btn btn-small"
              data-preset-trained={p.id}
              aria-describedby={`preset-${g.id}`}
              title={`Opens ${p.label} trained ahead to step ${start.step.toLocaleString('en')} (test nELBO ${start.testNelbo.toFixed(1)}), paused: no waiting for it to train`}
              onClick={() => startTrained(g, p, start)}
            >
              {p.label}: start trained
            </button>
          ))}
        </div>
      ) : null}
      <RacePresetPair g={g} />
      <p className="preset-source">
        {g.source} · {g.figure}
      </p>
      {g.note ? <p className="preset-note">{g.note}</p> : null}
    </article>
  );
}

/** The course reports' experiments, one click each: the config loads into the Train view and trains. */
export function PresetGallery() {
  const [starts, setStarts] = useState<Map<string, StartingPoint>>(new Map());
  useEffect(() => {
    let live = true;
    shipped ??= loadStartingPoints();
    void shipped.then((m) => live && setStarts(m));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="panel presets-panel" aria-labelledby="presets-title">
      <h2 id="presets-title">Experiments from the course reports</h2>
      <PanelTools id="presets" title="Experiments from the course reports" />
      <p className="panel-note">
        Each button trains that model at once in the Train view, sized to show its point in about two minutes on a laptop (times under each
        name); the run there now is kept in Saved runs. A “start trained” button opens that model already trained, paused, with no wait.
      </p>
      <div className="preset-grid">
        {PRESET_GROUPS.map((g) => (
          <Group key={g.id} g={g} starts={starts} />
        ))}
      </div>
    </section>
  );
}
