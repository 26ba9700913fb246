/** The list of what is wrong with a newsroom form, announced to screen readers. */
export function ErrorSummary({ title, messages }: { title: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      <p>{title}</p>
      <ul>
        {messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}
