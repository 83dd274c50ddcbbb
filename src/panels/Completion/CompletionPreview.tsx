import { FloatImages } from './FloatImages';
import { useCompletion } from './instance';

/**
 * Both completions as thumbnails right beside the drawing, so a stroke's result shows where the
 * eye already is (on a phone the full Completion panel is a scroll away).
 */
export function CompletionPreview() {
  const encoder = useCompletion((s) => s.amortized.image);
  const fitted = useCompletion((s) => s.optimize.image);
  const running = useCompletion((s) => s.amortized.status === 'running' || s.optimize.status === 'running');
  return (
    <div className="completion-preview" aria-busy={running}>
      <figure>
        <FloatImages pixels={encoder} testId="preview-amortized" label="Completion by the encoder (preview)" placeholder="" className="preview-image" />
        <figcaption>Encoder</figcaption>
      </figure>
      <figure>
        <FloatImages pixels={fitted} testId="preview-optimize" label="Completion by the encoder-free fit (preview)" placeholder="" className="preview-image" />
        <figcaption>Fitted q(z)</figcaption>
      </figure>
    </div>
  );
}
