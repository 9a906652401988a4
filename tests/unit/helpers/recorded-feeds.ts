/** Serves the recorded responses (tests/fixtures/feeds) at the live sources' paths on a local feed server. */
import { readFileSync } from 'node:fs';
import type { SourceId } from '../../../tools/fetch/source';
import type { FeedServer } from './feed-server';

const read = (file: string) => readFileSync(file, 'utf8');
export const RECORDED = {
  hibp: () => read('tests/unit/import/fixtures/hibp-excerpt.json'),
  ransomware: () => read('tests/fixtures/feeds/ransomware-live-recentvictims.json'),
  sec: () => read('tests/fixtures/feeds/sec-efts-item105.json'),
  california: () => read('tests/fixtures/feeds/california-ag-list.html'),
  washington: [() => read('tests/fixtures/feeds/washington-ag-page0.html'), () => read('tests/fixtures/feeds/washington-ag-page1.html')] as const,
  oregon: () => read('tests/fixtures/feeds/oregon-doj.html'),
  wikipedia: () => read('tests/fixtures/feeds/wikipedia-parse.json'),
};

export const PATHS: Record<SourceId, string> = {
  hibp: '/api/v3/breaches',
  'ransomware-live': '/v2/recentvictims',
  'sec-edgar': '/LATEST/search-index',
  'california-ag': '/privacy/databreach/list',
  'washington-ag': '/data-breach-notifications',
  'oregon-doj': '/consumer/DataBreach/',
  wikipedia: '/w/api.php',
};

/** Every source's recording on `server`, each with an ETag so a second run is answered 304. */
export function serveRecordings(server: FeedServer, overrides: { hibp?: string } = {}): void {
  server.routes.set(PATHS.hibp, [{ body: overrides.hibp ?? RECORDED.hibp(), etag: '"hibp-1"' }]);
  server.routes.set(PATHS['ransomware-live'], [{ body: RECORDED.ransomware(), etag: '"rw-1"' }]);
  server.routes.set(PATHS['sec-edgar'], [{ body: RECORDED.sec(), etag: '"sec-1"' }]);
  server.routes.set(PATHS['california-ag'], [{ body: RECORDED.california(), type: 'text/html', lastModified: 'Sat, 22 Aug 2026 07:00:00 GMT' }]);
  server.routes.set(`${PATHS['washington-ag']}?page=0`, [{ body: RECORDED.washington[0](), type: 'text/html', etag: '"wa-0"' }]);
  server.routes.set(`${PATHS['washington-ag']}?page=1`, [{ body: RECORDED.washington[1](), type: 'text/html', etag: '"wa-1"' }]);
  server.routes.set(`${PATHS['washington-ag']}?page=2`, [{ body: '<html><body><table><tr><th>Date Reported</th><th>Organization Name</th><th>Date(s) of Breach</th></tr></table></body></html>', type: 'text/html' }]);
  server.routes.set(PATHS['oregon-doj'], [{ body: RECORDED.oregon(), type: 'text/html', etag: '"or-1"' }]);
  server.routes.set(PATHS.wikipedia, [{ body: RECORDED.wikipedia(), etag: '"wp-1"' }]);
}

/** `--endpoint` arguments pointing every source at `server`. */
export function endpointArgs(server: FeedServer): string[] {
  return (Object.keys(PATHS) as SourceId[]).flatMap((id) => ['--endpoint', `${id}=${server.url}`]);
}
