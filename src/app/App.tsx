import { useEffect } from 'react';
import { experimentActions } from '../ui/stores';
import { Footer } from './Footer';
import { Tabs, type TabSpec } from './Tabs';
import { TrainView } from './TrainView';

// Explore, Draw & complete and Runs join this list as they are built.
const TABS: TabSpec[] = [{ id: 'train', label: 'Train', render: () => <TrainView /> }];

export function App() {
  useEffect(() => {
    // Starts the worker after first paint, so the backend and data are ready sooner.
    experimentActions.init();
  }, []);
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <h1>VAE Playground</h1>
          <p>Train a variational autoencoder on MNIST in this tab and watch it learn.</p>
        </div>
      </header>
      <main className="app-main">
        <Tabs tabs={TABS} label="Views" />
      </main>
      <Footer />
    </div>
  );
}
