import type { Db } from '../../db/types';
import { runDeadlineJob } from './job';

interface SchedulerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface DeadlineScheduler {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the deadline engine once shortly after start and then every `intervalMinutes`. Several
 * instances may run it: the job's advisory lock lets one run at a time, and the log makes every
 * reminder exactly-once.
 */
export function startDeadlineScheduler(opts: { db: Db; intervalMinutes: number; log: SchedulerLog }): DeadlineScheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runDeadlineJob(opts.db, new Date())
      .then((r) => {
        if (r.sent) opts.log.info({ reminders: r }, 'deadline reminders sent');
      })
      .catch((error: unknown) => opts.log.warn({ err: error }, 'deadline job failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 5_000);
  first.unref();
  const timer = setInterval(tick, opts.intervalMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      if (running) await running;
    },
  };
}
