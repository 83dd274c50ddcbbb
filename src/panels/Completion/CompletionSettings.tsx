import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { completionActions, useCompletion } from './instance';
import { parseSettings, SPECS, type CompletionSettingsText } from '../../store/completionSettings';

const HINTS: Record<keyof CompletionSettingsText, string> = {
  steps: 'How long the encoder-free fit runs. Cancel stops it early.',
  learningRate: 'Adam step size for μ and log σ² of q(z|Ψ).',
  mcSamples: 'Draws z ~ q per step for the reparameterised ELBO estimate: more is smoother, slower.',
  samples: 'Extra completions at random z ~ q, to show the different digits q allows.',
};

/** How both completions run: the encoder's fill-in, the fit's start, length and noise. */
export function CompletionSettings() {
  const text = useCompletion((s) => s.text);
  const fill = useCompletion((s) => s.fill);
  const init = useCompletion((s) => s.init);
  const auto = useCompletion((s) => s.auto);
  const { errors } = parseSettings(text);
  return (
    <details className="completion-settings">
      <summary>Completion settings</summary>
      <div className="completion-settings-grid">
        <SelectField
          id="complete-fill"
          label="Encoder sees unknown pixels as"
          value={fill}
          options={[
            { value: 'zeros', label: 'Zeros (black)' },
            { value: 'mean', label: 'The mean training image' },
          ]}
          onChange={(v) => completionActions.set({ fill: v as 'zeros' | 'mean' })}
        />
        <SelectField
          id="complete-init"
          label="Fit starts from"
          value={init}
          options={[
            { value: 'random', label: 'A random draw from the prior' },
            { value: 'encoder', label: 'The encoder’s q' },
          ]}
          onChange={(v) => completionActions.set({ init: v as 'random' | 'encoder' })}
        />
        {(Object.keys(SPECS) as (keyof CompletionSettingsText)[]).map((key) => (
          <NumberField
            key={key}
            id={`complete-${key}`}
            label={SPECS[key].label}
            integer={SPECS[key].integer}
            hint={HINTS[key]}
            value={text[key]}
            error={errors[key]}
            onChange={(v) => completionActions.set({ text: { ...text, [key]: v } })}
          />
        ))}
        <label className="check">
          <input type="checkbox" checked={auto} onChange={(e) => completionActions.set({ auto: e.target.checked })} />
          Complete after every stroke
        </label>
      </div>
    </details>
  );
}
