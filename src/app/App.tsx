import { StartNotices } from '../panels/Resume/StartNotices';
import { DisplayControls } from './DisplayControls';
import { DrawView } from './DrawView';
import { ExploreView } from './ExploreView';
import { Footer } from './Footer';
import { Keyboard } from './Keyboard';
import { LessonBar } from '../panels/Lesson/LessonBar';
import { ResetDialog } from './ResetDialog';
import { RunBar } from './RunBar';
import { RaceView } from './RaceView';
import { RunsView } from './RunsView';
import { StatsView } from './StatsView';
import { Tabs, type TabSpec } from './Tabs';
import { TrainView } from './TrainView';
import { TimelineBar } from '../panels/Timeline/TimelineBar';
import { UpdateBanner } from './UpdateBanner';
import { WelcomeNote } from './WelcomeNote';
import './appNotes.css';
import './touch.css';

// Explore, Draw & complete and Runs join this list as they are built.
const TABS: TabSpec[] = [
  { id: 'train', label: 'Train', render: () => <TrainView /> },
  { id: 'explore', label: 'Explore', render: () => <ExploreView /> },
  { id: 'draw', label: 'Draw & complete', render: () => <DrawView /> },
  { id: 'stats', label: 'Statistics', render: () => <StatsView /> },
  { id: 'runs', label: 'Runs', render: () => <RunsView /> },
  { id: 'race', label: 'Race', render: () => <RaceView /> },
];

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>VAE Playground</h1>
          <p>Train a variational autoencoder in this tab and watch it learn.</p>
        </div>
        <DisplayControls />
      </header>
      <RunBar />
      <main className="app-main">
        <UpdateBanner />
        <WelcomeNote />
        <StartNotices />
        <Tabs tabs={TABS} label="Views" />
        <TimelineBar />
      </main>
      <Footer />
      <Keyboard />
      <ResetDialog />
      <LessonBar />
    </div>
  );
}
