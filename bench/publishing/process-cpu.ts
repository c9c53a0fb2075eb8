import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by every process whose command name starts with one of `names` (Linux /proc). */
export function processCpuSeconds(names: string[]): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const name = names.find((n) => comm.startsWith(n));
    if (!name) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out[name] += (Number(fields[11]) + Number(fields[12])) / ticks; // utime, stime
  }
  return out;
}

/** This process's CPU seconds (every thread). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** CPU seconds each named process group used between two readings. */
export function cpuSpent(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
}
