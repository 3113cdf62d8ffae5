import type { TextFieldBinding } from '../lib/use-filter-form';

/** From / To as local date-times; the form turns them into ISO times (localInputToIso). */
export function TimeRangeFields({ from, to }: { from: TextFieldBinding; to: TextFieldBinding }) {
  return (
    <>
      <label className="field">
        <span>From</span>
        <input type="datetime-local" {...from} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="datetime-local" {...to} />
      </label>
    </>
  );
}
