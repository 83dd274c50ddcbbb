import { useStore } from 'zustand';
import { raceFeeds } from '../../store/feeds';
import { Scrubber } from '../Timeline/Scrubber';
import { VideoButton } from '../Timeline/VideoButton';

/**
 * One scrubber for both runs: it moves both to the same step (each shows its latest snapshot at
 * or before it); Play animates both from step 0 to now; the video films them side by side.
 */
export function RaceScrubber({ runIds, names }: { runIds: [string, string]; names: [string, string] }) {
  const steps = [useStore(raceFeeds[0].training, (s) => s.step), useStore(raceFeeds[1].training, (s) => s.step)];
  return (
    <div className="race-scrubber">
      <Scrubber runIds={runIds} liveLabel={`steps ${steps.map((n) => n.toLocaleString('en')).join(' and ')}`} video={false} />
      <VideoButton runIds={runIds} names={names} />
    </div>
  );
}
