/**
 * Sends a file reply (a CSV) as its chunks come, waiting for the client to
 * take each one (a large export never piles up in memory). A failure after
 * the headers went out cuts the response short: the client sees a broken
 * download, never a truncated file that looks whole.
 */
import type http from 'node:http';
import type { Reply } from '../router.ts';

export async function writeFile(
  res: http.ServerResponse,
  status: number,
  file: NonNullable<Reply['file']>,
): Promise<void> {
  res.writeHead(status, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
  });
  try {
    for await (const chunk of file.chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    res.end();
  } catch {
    res.destroy();
  }
}
