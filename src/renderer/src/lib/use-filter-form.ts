import { useState } from 'react';

/** What an input or a select takes to show and edit one text field of a form. */
export interface TextFieldBinding {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}

/** A filter form's fields as typed (all text), with the value/onChange pair for each. */
export function useFilterForm<F extends { [K in keyof F]: string }>(initial: F) {
  const [form, setForm] = useState<F>(initial);
  const field = (key: keyof F): TextFieldBinding => ({
    value: form[key],
    onChange: (e) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  return { form, setForm, field };
}
