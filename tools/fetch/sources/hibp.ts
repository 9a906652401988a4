/**
 * Have I Been Pwned's breach list: `GET https://haveibeenpwned.com/api/v3/breaches`.
 *
 * What we relied on (checked 2026-12 through public clients and HIBP's own API notes as quoted in
 * them): the breaches endpoint is free and needs no API key; every request must carry a
 * User-Agent that names the client, or HIBP answers 403; the answer is a JSON array of breach
 * objects (Name, Title, Domain, BreachDate, AddedDate, ModifiedDate, PwnCount, Description,
 * DataClasses, IsVerified, IsFabricated, IsSensitive, IsRetired, IsSpamList, IsMalware,
 * IsStealerLog…), exactly the file `import hibp` reads (../shared/datasets/hibp-breaches.json is
 * such an answer, recorded 2026-02-28). Licence CC BY 4.0, attribution with a link (the importer
 * adds it). One request a day is far below any limit HIBP publishes.
 */
import { parseBreaches } from '../../import/hibp';
import { FeedError } from '../../import/types';
import { ShapeError, type Source } from '../source';

export const hibpSource: Source = {
  id: 'hibp',
  feed: 'hibp',
  title: "Have I Been Pwned's breach list (API v3, no key)",
  defaultBase: 'https://haveibeenpwned.com',
  async fetch({ http, base }) {
    const response = await http.get(new URL('/api/v3/breaches', base).href);
    let records: unknown[];
    try {
      // The importer's own shape check: the answer is the importer's input, record for record.
      records = parseBreaches(response.body);
    } catch (error) {
      if (error instanceof FeedError) throw new ShapeError('hibp', response.url, error.message);
      throw error;
    }
    return { records, responses: [{ url: response.url, from: response.from }], keep: response.keep };
  },
};
