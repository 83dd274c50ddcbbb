import { PRESET_GROUPS, type Preset, type PresetGroup } from '../../config/presets';
import { runsActions, showView } from '../Runs/runsStore';
import { PanelTools } from '../../ui/PanelTools';

function load(p: Preset): void {
  // A preset starts a new run; the one in the Train view is kept in Saved runs.
  runsActions.startFrom(p.config);
  showView('train');
}

function Group({ g }: { g: PresetGroup }) {
  return (
    <article className="preset-card" aria-labelledby={`preset-${g.id}`}>
      <p className="preset-source">{g.source}</p>
      <h3 id={`preset-${g.id}`}>{g.title}</h3>
      <p className="preset-figure">
        Reproduces: <strong>{g.figure}</strong>
      </p>
      <p className="preset-look">
        <span className="preset-look-label">Look at: </span>
        {g.lookAt}
      </p>
      {g.note ? <p className="preset-note">{g.note}</p> : null}
      <div className="preset-buttons" role="group" aria-label={`Load a model of ${g.title}`}>
        {g.presets.map((p) => (
          <button key={p.id} type="button" className="btn btn-small" data-preset={p.id} aria-label={`Load preset ${g.title}: ${p.label}`} onClick={() => load(p)}>
            {p.label}
          </button>
        ))}
      </div>
    </article>
  );
}

/** The seed reports' experiments, one click each: the config loads into the Train view. */
export function PresetGallery() {
  return (
    <section className="panel presets-panel" aria-labelledby="presets-title">
      <h2 id="presets-title">Presets from the seed reports</h2>
      <PanelTools id="presets" title="Presets from the seed reports" />
      <p className="panel-note">Each loads the settings behind a figure into the Train view, ready to train. The run in the Train view now is kept in Saved runs.</p>
      <div className="preset-grid">
        {PRESET_GROUPS.map((g) => (
          <Group key={g.id} g={g} />
        ))}
      </div>
    </section>
  );
}
