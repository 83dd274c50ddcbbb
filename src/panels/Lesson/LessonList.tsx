import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import './lesson.css';
import { lessonActions, lessonStore } from '../../lessons/lessonRunner';
import { PanelTools } from '../../ui/PanelTools';

interface Listed {
  name: string;
  title: string;
  summary: string;
}

/** Reads public/lessons/index.json: the lessons this site ships. */
async function shipped(): Promise<Listed[]> {
  const res = await fetch(new URL('lessons/index.json', document.baseURI).href);
  if (!res.ok) throw new Error(`lessons/index.json answered ${res.status}`);
  const json = (await res.json()) as { lessons?: unknown };
  if (!Array.isArray(json.lessons)) throw new Error('lessons/index.json: lessons must be an array');
  return json.lessons.filter((l): l is Listed => typeof l?.name === 'string' && typeof l?.title === 'string').map((l) => ({ ...l, summary: typeof l.summary === 'string' ? l.summary : '' }));
}

/** The shipped lessons, one click each, and a field for a lesson by name or address. */
export function LessonList() {
  const [list, setList] = useState<Listed[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [ref, setRef] = useState('');
  const { loadError, loading, ref: open } = useStore(lessonStore);

  useEffect(() => {
    shipped().then(setList, (e: unknown) => setListError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <section className="panel lessons-panel" aria-labelledby="lessons-title">
      <h2 id="lessons-title">Lessons</h2>
      <PanelTools id="lessons" title="Lessons" />
      <p className="panel-note">
        A lesson steps through presets, short trainings, panels and captions, and asks the class to predict a figure before the model shows it.
        Use → and ← (or a clicker in Presenter mode with the buttons) to step; the page remembers the step. Link one with <code>#lesson=name</code>.
      </p>
      {listError ? <p className="field-error">The shipped lessons could not be listed: {listError}</p> : null}
      <ul className="lesson-list">
        {(list ?? []).map((l) => (
          <li key={l.name}>
            <button type="button" className="btn btn-small" data-lesson={l.name} onClick={() => void lessonActions.open(l.name)} aria-describedby={`lesson-sum-${l.name}`}>
              {open === l.name ? 'Open: ' : ''}
              {l.title}
            </button>{' '}
            <span id={`lesson-sum-${l.name}`} className="panel-note">
              {l.summary}
            </span>
          </li>
        ))}
      </ul>
      <form
        className="lesson-open"
        onSubmit={(e) => {
          e.preventDefault();
          if (ref.trim()) void lessonActions.open(ref.trim());
        }}
      >
        <label htmlFor="lesson-ref">Another lesson (a name in lessons/, or an https:// address)</label>
        <div className="lesson-predict-row">
          <input id="lesson-ref" type="text" value={ref} onChange={(e) => setRef(e.target.value)} spellCheck={false} />
          <button type="submit" className="btn btn-small" disabled={loading || !ref.trim()}>
            Open lesson
          </button>
        </div>
      </form>
      {loadError ? (
        <div className="field-error" role="alert" data-testid="lesson-load-error">
          <p>The lesson could not be opened:</p>
          <ul>
            {loadError.slice(0, 8).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
