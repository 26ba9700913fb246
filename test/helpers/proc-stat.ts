import { readFile } from 'node:fs/promises';

/**
 * The fields of a Linux /proc stat file (`/proc/<pid>/stat`, `/proc/self/task/<tid>/stat`) after
 * the command name, which may hold spaces: index 0 is the state (field 3 in proc(5)), 11 and 12
 * utime and stime in clock ticks, 38 the scheduling policy.
 */
export async function procStatFields(file: string): Promise<string[]> {
  const stat = await readFile(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The CPU time a process has used so far, user and system, all its threads, in ms. */
export async function processCpuMs(pid: number): Promise<number> {
  const fields = await procStatFields(`/proc/${pid}/stat`);
  // (utime and stime are in clock ticks, 100 a second on Linux.)
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
