import { useState } from 'react';

/** The keyboard's way to decode a spot of the plane: type its two coordinates. */
export function DecodeForm({ onDecode, disabled }: { onDecode(u: number, v: number): void; disabled: boolean }) {
  const [u, setU] = useState('0');
  const [v, setV] = useState('0');
  const nu = Number(u);
  const nv = Number(v);
  const ok = u.trim() !== '' && v.trim() !== '' && Number.isFinite(nu) && Number.isFinite(nv);
  return (
    <form
      className="decode-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onDecode(nu, nv);
      }}
    >
      <fieldset disabled={disabled}>
        <legend>Decode a spot</legend>
        <label>
          Horizontal <input type="text" inputMode="decimal" value={u} onChange={(e) => setU(e.target.value)} aria-invalid={!ok || undefined} />
        </label>
        <label>
          Vertical <input type="text" inputMode="decimal" value={v} onChange={(e) => setV(e.target.value)} aria-invalid={!ok || undefined} />
        </label>
        <button type="submit" className="btn btn-small" disabled={!ok}>
          Decode
        </button>
      </fieldset>
    </form>
  );
}
