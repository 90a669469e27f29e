/** Temporary stand-in until the full reader lands (another engineer is writing it). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export interface Decoded { text: string; encoding: Encoding; bom: boolean }
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder().decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  try { return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false }; }
  catch { return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false }; }
}
