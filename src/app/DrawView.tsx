import { CompletionPanel } from '../panels/Completion/CompletionPanel';
import { CompletionPreview } from '../panels/Completion/CompletionPreview';
import { GapPanel } from '../panels/Completion/GapPanel';
import { completionActions, completionStore } from '../panels/Completion/instance';
import { DrawCanvas } from '../panels/Draw/DrawCanvas';
import { DrawTools } from '../panels/Draw/DrawTools';
import { DrawLatent } from '../panels/DrawLatent/DrawLatent';
import { currentInput } from '../panels/Draw/drawStore';
import { ModelInput } from '../panels/Draw/ModelInput';
import { RegionPicker } from '../panels/Draw/RegionPicker';
import { TestImagePicker } from '../panels/Draw/TestImagePicker';
import { useTraining } from '../ui/stores';
import { PanelTools } from '../ui/PanelTools';

/** After any change to the drawing or region: the old run is stale; with auto on, complete anew. */
function changed(): void {
  completionActions.cancel();
  if (!completionStore.getState().auto) return;
  const { pixels, mask } = currentInput();
  if (pixels.some((v) => v > 0)) completionActions.run(pixels, mask);
}

/** Draw part of a digit (or start from a test image) and watch the model complete the rest, two ways. */
export function DrawView() {
  const step = useTraining((s) => s.step);
  return (
    <div className="draw-view">
      <section className="panel draw-panel" aria-labelledby="draw-title">
        <h2 id="draw-title">Draw</h2>
        <PanelTools id="draw" title="Draw" />
        {step === 0 ? (
          <p className="panel-note draw-no-model" role="status">
            There is no model yet: train one on the Train tab (a few hundred steps are enough to see completions), then come back.
          </p>
        ) : null}
        {/* Choose what the model sees before drawing: the region comes first. */}
        <RegionPicker onChange={changed} />
        <div className="draw-main">
          <DrawCanvas onStrokeStart={completionActions.cancel} onStrokeEnd={changed} />
          <div className="draw-previews">
            <ModelInput />
            <CompletionPreview />
          </div>
        </div>
        <DrawTools onEdit={changed} />
        <TestImagePicker onLoaded={changed} />
        {step > 0 ? <DrawLatent /> : null}
      </section>
      <CompletionPanel input={currentInput} />
      <GapPanel />
    </div>
  );
}
