/** The newsroom's notice of what a redirect says was done, when it names something known. */
export function Flash({
  done,
  flash,
}: {
  done: Record<string, string>;
  flash: string | undefined;
}) {
  return flash && done[flash] ? (
    <p class="notice" role="status">
      {done[flash]}
    </p>
  ) : null;
}
