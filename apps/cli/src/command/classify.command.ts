import { Command } from 'commander';

/** classify (issue 4). */
export function classifyCommands(): Command[] {
  return [];
}
