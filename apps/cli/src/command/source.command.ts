import { Command } from 'commander';

/** sources:import, sources:list, watch, calls:export (issue 3). */
export function sourceCommands(): Command[] {
  return [];
}
