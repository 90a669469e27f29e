/**
 * Reads the entries of a ZIP (an XLSX) with node:zlib, so tests can look at the raw sheet XML
 * (for example: that no cell holds a formula) without another dependency.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  text: string;
  /** DOS time and date fields of the central and the local header. */
  central: [number, number];
  local: [number, number];
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const entries: ZipEntry[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const local = view.getUint32(p + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    entries.push({
      name,
      text: new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data),
      central: [view.getUint16(p + 12, true), view.getUint16(p + 14, true)],
      local: [view.getUint16(local + 10, true), view.getUint16(local + 12, true)],
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

export function unzip(bytes: Uint8Array): Map<string, string> {
  return new Map(zipEntries(bytes).map((e) => [e.name, e.text]));
}
