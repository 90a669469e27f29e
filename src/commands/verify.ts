/** `kipp verify` — not built yet (placeholder so that the command line is complete). */
import { KippError } from '../model/diagnostic.js';
import type { CommandContext, CommandResult } from './context.js';

export async function runVerify(_report: string, _ctx: CommandContext): Promise<CommandResult> {
  throw new KippError('usage', 'kipp verify is not available in this version yet');
}
