import os from 'node:os';

/** The machine a run measured, printed beside every absolute time (a millisecond means little without it). */
export interface MachineDescription {
  readonly cpuModel: string;
  /** Logical cores the OS reports. */
  readonly cores: number;
  readonly totalMemoryMb: number;
  readonly nodeVersion: string;
  /** e.g. "linux 6.8.0 x64". */
  readonly os: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews every figure. */
  readonly loadAverage: readonly number[];
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() || 'unknown CPU',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    nodeVersion: process.version,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** One line: "AMD EPYC, 2 cores, 23.5 GB, Node v20.20.2, linux 6.8.0 x64, load 0.52 at start". */
export function formatMachine(machine: MachineDescription): string {
  return (
    `${machine.cpuModel}, ${machine.cores} cores, ${(machine.totalMemoryMb / 1024).toFixed(1)} GB, Node ${machine.nodeVersion}, ` +
    `${machine.os}, load ${machine.loadAverage[0] ?? '?'} at start`
  );
}
