import { useId } from 'react';

/** A select with its visible label; `anyOption` puts an empty "any" choice first, as filters want. */
export function SelectField({
  label,
  options,
  value,
  onChange,
  anyOption = false,
  inline = false,
}: {
  label: string;
  options: readonly string[];
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  anyOption?: boolean;
  inline?: boolean;
}) {
  const id = useId();
  // label/for, not a wrapping label: a wrapped select's options would join the label's name.
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        {anyOption && <option value="">any</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}
