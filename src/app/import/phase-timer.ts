/** Where an import's time went (--debug): each step's wall time since the one before. */
export interface PhaseTimer {
  lap(step: string): void;
  summary(): string;
}

export function phaseTimer(): PhaseTimer {
  let last = performance.now();
  const laps: string[] = [];
  return {
    lap(step) {
      const now = performance.now();
      laps.push(`${step} ${((now - last) / 1000).toFixed(2)} s`);
      last = now;
    },
    summary: () => laps.join(' · '),
  };
}
