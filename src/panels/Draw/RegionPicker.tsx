import { useStore } from 'zustand';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { drawStore, parsedRect } from './drawStore';
import { REGIONS, type PixelRect, type Region } from './mask';

const RECT_FIELDS: { key: keyof PixelRect; label: string }[] = [
  { key: 'x0', label: 'First column' },
  { key: 'x1', label: 'Last column' },
  { key: 'y0', label: 'First row' },
  { key: 'y1', label: 'Last row' },
];

/** Which pixels the model is told about; the rest are hatched and completed. */
export function RegionPicker({ onChange }: { onChange(): void }) {
  const region = useStore(drawStore, (s) => s.region);
  const rectText = useStore(drawStore, (s) => s.rectText);
  const rect = parsedRect({ rectText });
  return (
    <div className="region-picker">
      <SelectField
        id="draw-region"
        label="Observed region"
        hint="The model sees only these pixels; the hatched ones it fills in."
        value={region}
        options={REGIONS}
        onChange={(v) => {
          drawStore.setState({ region: v as Region, paintMask: v === 'painted' });
          onChange();
        }}
      />
      {region === 'rect' ? (
        <div className="rect-fields">
          {RECT_FIELDS.map(({ key, label }) => (
            <NumberField
              key={key}
              id={`draw-rect-${key}`}
              label={label}
              integer
              value={rectText[key]}
              error={!rect.ok && rect.field === key ? rect.message : undefined}
              onChange={(text) => {
                drawStore.setState({ rectText: { ...rectText, [key]: text } });
                onChange();
              }}
            />
          ))}
        </div>
      ) : null}
      {region === 'painted' ? <p className="panel-note">Paint the pixels the model may see; the rest stay hatched.</p> : null}
    </div>
  );
}
