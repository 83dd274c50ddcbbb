import { BackendPanel } from '../panels/Backend/BackendPanel';
import { Controls } from '../panels/Controls/Controls';
import { TrainButtons } from '../panels/Controls/TrainButtons';
import { Curves } from '../panels/Curves/Curves';
import { DatasetPanel } from '../panels/Dataset/DatasetPanel';
import { ErrorArea } from '../panels/Errors/ErrorArea';
import { Reconstructions } from '../panels/Reconstructions/Reconstructions';
import { Samples } from '../panels/Samples/Samples';
import { StatusBar } from '../panels/StatusBar/StatusBar';

/** Controls left, curves centre, image grids right, status along the bottom. */
export function TrainView() {
  return (
    <div className="train-view">
      <ErrorArea />
      <aside className="panel area-controls" aria-label="Experiment settings">
        <TrainButtons />
        <Controls />
        <BackendPanel />
        <DatasetPanel />
      </aside>
      <div className="area-curves">
        <Curves />
      </div>
      <div className="area-grids">
        <Reconstructions />
        <Samples />
      </div>
      <StatusBar />
    </div>
  );
}
