import { useRuns } from '../Runs/runsStore';
import { LinkNotice } from './LinkNotice';
import { ModelLinkNotice } from './ModelLinkNotice';
import { ResumeBanner } from './ResumeBanner';
import './notices.css';

/** What the page has to say as it opens: a run to resume, settings of a link it ignored. */
export function StartNotices() {
  const checked = useRuns((s) => s.resumeChecked);
  return (
    <div className="start-notices" data-resume-checked={checked}>
      <ResumeBanner />
      <LinkNotice />
      <ModelLinkNotice />
    </div>
  );
}
