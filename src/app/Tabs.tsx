import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { viewStore } from '../store/view';

export interface TabSpec {
  id: string;
  label: string;
  render(): ReactNode;
}

/**
 * WAI-ARIA tabs with roving focus (arrows, Home, End). A panel once shown stays mounted while
 * hidden, so a chart keeps its points when you switch away and back.
 */
export function Tabs({ tabs, label }: { tabs: TabSpec[]; label: string }) {
  // The active view lives in viewStore, so shortcuts (1–6) switch it too.
  const stored = useStore(viewStore, (s) => s.active);
  const active = tabs.some((t) => t.id === stored) ? stored : tabs[0].id;
  const [visited, setVisited] = useState(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set(visited).add(active));
  const refs = useRef(new Map<string, HTMLButtonElement>());
  // An action elsewhere showed a view and asked for focus (viewStore.show(id, { focus: true })).
  const focusRequest = useStore(viewStore, (s) => s.focusRequest);
  useEffect(() => {
    if (focusRequest) refs.current.get(viewStore.getState().active)?.focus();
  }, [focusRequest]);

  const select = (id: string) => {
    viewStore.getState().show(id);
    refs.current.get(id)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length].id);
  };

  return (
    <>
      <div className="tablist" role="tablist" aria-label={label} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== active} className="tabpanel">
          {visited.has(t.id) ? t.render() : null}
        </div>
      ))}
    </>
  );
}
