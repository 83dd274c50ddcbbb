import { LessonList } from '../panels/Lesson/LessonList';
import { PresetGallery } from '../panels/Presets/PresetGallery';
import { RunsCompare } from '../panels/RunsCompare/RunsCompare';
import { RunsTable } from '../panels/Runs/RunsTable';
import '../panels/Runs/runs.css';

/** Saved runs, their comparison, lessons, and the seed reports' presets. */
export function RunsView() {
  return (
    <div className="runs-view">
      <RunsTable />
      <RunsCompare />
      <LessonList />
      <PresetGallery />
    </div>
  );
}
