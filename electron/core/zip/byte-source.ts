import { open } from 'node:fs/promises';

/** Random access to an archive's bytes: a file read where asked, or bytes already in memory. */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `position`: fewer where the archive ends first. */
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A file is opened, never read whole: a backup can be gigabytes, and only its directory and one member are held at a time. */
export async function openByteSource(archive: string | Uint8Array): Promise<ByteSource> {
  if (typeof archive !== 'string') {
    return { size: archive.length, read: async (at, length) => archive.subarray(at, at + length), close: async () => undefined };
  }
  const handle = await open(archive, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (at, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - at)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
