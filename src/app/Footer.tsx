import { useTraining } from '../ui/stores';

const DEFAULT_CREDIT = 'MNIST: Yann LeCun and Corinna Cortes — CC BY-SA 3.0';

/** Credit for the data, as the dataset itself states it once loaded. */
export function credit(dataset: { name: string; attribution: string } | null): string {
  if (!dataset || !dataset.attribution.trim()) return DEFAULT_CREDIT;
  return `${dataset.name}: ${dataset.attribution.trim()}`;
}

export function Footer() {
  const dataset = useTraining((s) => s.dataset);
  return (
    <footer className="app-footer">
      <p>{credit(dataset)}</p>
      <p>Everything runs in this browser tab: no data or model leaves your device.</p>
    </footer>
  );
}
