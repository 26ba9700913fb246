import type { Child, JSX } from 'hono/jsx';

/** What every newsroom form field has around its control: a label, a hint and its error. */
export interface FieldFrame {
  /** The control's id, which the label is bound to. */
  id: string;
  label: Child;
  hint?: Child | undefined;
  /** The hint's id, read out with the control; with a hint, `aide-<id>` unless given. */
  hintId?: string | undefined;
  /** The error shown under the control; the control is then invalid and described by it. */
  error?: string | undefined;
  errorId?: string | undefined;
  /** Invalid without an error of its own (the form's summary says what is wrong). */
  invalid?: boolean | undefined;
}

/** The attributes that bind a control to its label, hint and error. */
export interface ControlBinding {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/** A control's ARIA state: invalid only when it is, described by its error then its hint. */
export function controlAria(
  f: Pick<FieldFrame, 'error' | 'errorId' | 'hintId' | 'invalid'>,
): Omit<ControlBinding, 'id'> {
  const errorId = f.error ? f.errorId : undefined;
  return {
    'aria-invalid': f.error || f.invalid ? 'true' : undefined,
    'aria-describedby': [errorId, f.hintId].filter(Boolean).join(' ') || undefined,
  };
}

/** The error of one field, or nothing: its id is what the control's aria-describedby names. */
export function FieldError({ errorId, error }: Pick<FieldFrame, 'error' | 'errorId'>) {
  return error ? (
    <span class="field-error" id={errorId}>
      {error}
    </span>
  ) : null;
}

/** A labelled control with its hint and error, the control drawn by `control` from its binding. */
export function FieldShell(frame: FieldFrame & { control: (binding: ControlBinding) => Child }) {
  const p = frame.hint != null ? { ...frame, hintId: frame.hintId ?? `aide-${frame.id}` } : frame;
  return (
    <p>
      <label for={p.id}>{p.label}</label>
      {p.control({ id: p.id, ...controlAria(p) })}
      {p.hint != null ? (
        <span class="hint" id={p.hintId}>
          {p.hint}
        </span>
      ) : null}
      <FieldError errorId={p.errorId} error={p.error} />
    </p>
  );
}

type Attrs<T extends 'input' | 'textarea' | 'select'> = Omit<
  JSX.IntrinsicElements[T],
  'id' | 'aria-invalid' | 'aria-describedby' | 'children'
>;

/** A labelled text, number, date… input of a newsroom form. */
export function Field(p: FieldFrame & { input: Attrs<'input'> }) {
  return <FieldShell {...p} control={(b) => <input {...p.input} {...b} />} />;
}

/** A labelled textarea: its value is its content, escaped like any other. */
export function TextareaField(p: FieldFrame & { textarea: Attrs<'textarea'>; value: string }) {
  return (
    <FieldShell
      {...p}
      control={(b) => (
        <textarea {...p.textarea} {...b}>
          {p.value}
        </textarea>
      )}
    />
  );
}

/** A labelled drop-down list of the given options. */
export function SelectField(p: FieldFrame & { select: Attrs<'select'>; children: Child }) {
  return (
    <FieldShell
      {...p}
      control={(b) => (
        <select {...p.select} {...b}>
          {p.children}
        </select>
      )}
    />
  );
}

/**
 * Each field's error from a form's error codes: the codes a field owns (by default those that
 * start with its name) in words, joined, under the id `erreur-<field>`.
 */
export function fieldErrors<E extends string>(
  errors: readonly E[],
  textOf: (e: E) => string,
  owns: (e: E, field: string) => boolean = (e, field) => e.startsWith(field),
) {
  return (field: string): { error: string | undefined; errorId: string } => {
    const mine = errors.filter((e) => owns(e, field));
    return {
      error: mine.length ? mine.map(textOf).join(' ') : undefined,
      errorId: `erreur-${field}`,
    };
  };
}
