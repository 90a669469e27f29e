/** `kipp diff` — not built yet (placeholder so that the command line is complete). */
import { KippError } from '../model/diagnostic.js';
import type { CommandContext, CommandResult } from './context.js';

export async function runDiff(_old: string, _new: string, _options: unknown, _ctx: CommandContext): Promise<CommandResult> {
  throw new KippError('usage', 'kipp diff is not available in this version yet');
}
