import { Fragment, type ComponentType } from 'react';
import type { ControlField } from '../../store/experiment';
import { FieldControl } from './FieldControl';
import { CONTROL_GROUPS } from './groups';
import { LikelihoodNote } from './LikelihoodNote';
import { ParamCount } from './ParamCount';

/** Read-outs that belong right under one field's control. */
const AFTER: Partial<Record<ControlField, ComponentType>> = {
  latentDim: ParamCount,
  likelihood: LikelihoodNote,
};

/** The experiment's settings, one control per FIELDS entry; a refused value keeps the last valid config. */
export function Controls() {
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} noValidate>
      {CONTROL_GROUPS.map((g) => (
        <fieldset key={g.legend}>
          <legend>{g.legend}</legend>
          {g.fields.map((f) => {
            const After = AFTER[f];
            return (
              <Fragment key={f}>
                <FieldControl field={f} />
                {After ? <After /> : null}
              </Fragment>
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
