import type { BackendChoice } from '../../config/experiment';
import type { BackendProbe } from '../../protocol';
import { whole } from '../../ui/format';

export const BACKEND_TITLES: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

/** The probe measurements behind an automatic choice, folded away by default. */
export function ProbeTable({ probes, chosen }: { probes: BackendProbe[]; chosen: string }) {
  return (
    <details className="probes">
      <summary>Probe results</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Backend</th>
            <th scope="col" className="num">
              Images/s
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {probes.map((p) => (
            <tr key={p.name} className={p.name === chosen ? 'chosen' : undefined}>
              <th scope="row">{BACKEND_TITLES[p.name]}</th>
              <td className="num">{whole(p.imagesPerSec)}</td>
              <td>{p.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
