/** A one-line progress bar on a terminal, or a line per step elsewhere (CI logs, pipes). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastLogged = -1;
  return (done: number, total: number, item = ''): void => {
    const ratio = total ? done / total : 1;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round(ratio * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const text = `${label} ${bar} ${done}/${total} ${item}`.slice(0, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[K${text}${done === total ? '\n' : ''}`);
    } else {
      const step = Math.floor(ratio * 10);
      if (step !== lastLogged) {
        lastLogged = step;
        stream.write(`${label} ${done}/${total}\n`);
      }
    }
  };
}
