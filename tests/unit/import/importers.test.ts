/** Each importer on small real excerpts of its feed (committed fixtures): what it keeps, how it maps it, what it leaves out. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentSchema } from '../../../core/model/schema';
import { describesShop } from '../../../tools/import/hibp';
import { domainsInName } from '../../../tools/import/ransomware';
import { FIXTURE_FILES, importInto, readIncidents, tempLayers, type Layers } from './harness';

let layers: Layers;
beforeEach(async () => {
  layers = await tempLayers();
});
afterEach(async () => {
  await layers.cleanup();
});

describe('hibp', () => {
  it('imports Hot Topic 2024 with hottopic.com, its data classes and CC BY 4.0 attribution', async () => {
    const summary = await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    const incidents = await readIncidents(layers.importedDir);
    const hot = incidents.find((i) => i.provenance.some((p) => p.source === 'hibp' && p.record === 'HotTopic'))!;
    expect(hot).toBeDefined();
    expect(hot.id).toBe('hot-topic-2024-10');
    expect(hot.domains).toEqual(expect.arrayContaining(['hottopic.com']));
    expect(hot.dataExposed.map((d) => d.dataClass)).toEqual(['Dates of birth', 'Email addresses', 'Genders', 'Names', 'Partial credit card data', 'Phone numbers', 'Physical addresses', 'Purchases', 'Salutations']);
    expect(hot.dataExposed.every((d) => d.confirmed)).toBe(true);
    expect(hot).toMatchObject({ kind: 'data-breach', status: 'contained', startedOn: '2024-10-19', disclosedOn: '2024-11-11', updatedOn: '2024-11-11' });
    expect(hot.sources).toEqual([{ url: 'https://haveibeenpwned.com/PwnedWebsites#HotTopic', publisher: 'Have I Been Pwned', title: 'Hot Topic', date: '2024-11-11', licence: 'CC BY 4.0' }]);
    expect(hot.summary).not.toMatch(/[<>]/);
    expect(hot.summary.startsWith('In October 2024')).toBe(true);
    expect(summary.added).toContain('hot-topic-2024-10');
  });

  it('leaves out spam lists, fabricated breaches, malware, stealer logs and non-shops, counted by reason', async () => {
    const summary = await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    expect(summary.skipped).toMatchObject({ 'spam-list': 1, fabricated: 1, malware: 1, 'stealer-log': 1, 'not-retail': 1 });
    const names = (await readIncidents(layers.importedDir)).flatMap((i) => i.provenance.map((p) => p.record));
    expect(names).not.toContain('Adobe');
    expect(names).toEqual(expect.arrayContaining(['Bonobos', 'CanadianTire', 'HotTopic']));
  });

  it('marks an unverified breach as an unconfirmed claim with unconfirmed data classes', async () => {
    await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    const unverified = (await readIncidents(layers.importedDir)).find((i) => i.provenance.some((p) => p.record === 'PaySystemTech'))!;
    expect(unverified.status).toBe('claimed');
    expect(unverified.dataExposed.every((d) => !d.confirmed)).toBe(true);
    expect(unverified.summary).toMatch(/^Unverified by Have I Been Pwned/);
  });

  it('reads what a site is from the first sentence, not from where its data was sold', () => {
    expect(describesShop('In August 2020, the clothing store Bonobos suffered a data breach.')).toBe(true);
    expect(describesShop('In 2019, the data appeared for sale on a dark web marketplace. It held emails.')).toBe(false);
    expect(describesShop('In 2013, Adobe suffered a breach. The shop was fine.')).toBe(false);
  });

  it('counts the places HIBP describes by what people buy there, and not forums, games or social sites', () => {
    for (const shop of [
      'In approximately December 2018, the digital mall Wanelo suffered a data breach.',
      'In April 2018, the textbook rental service Chegg suffered a data breach that impacted 40 million subscribers.',
      'In March 2020, the photo print service Chatbooks suffered a data breach.',
      'In August 2021, an allegation was made that the Brazilian fast food company "Habib\'s" had suffered a data breach.',
      'In June 2014, Domino\'s Pizza in France and Belgium was hacked by a group going by the name "Rex Mundi".',
      'In early 2019, the Malaysian airline Malindo Air suffered a data breach.',
      'In January 2019, the travel and hotel booking site ixigo suffered a data breach.',
      'In July 2018, the Indian self-drive car rental company Zoomcar suffered a data breach.',
      'In September 2020, the cashback reward program ShopBack suffered a data breach.',
    ]) {
      expect(describesShop(shop), shop).toBe(true);
    }
    for (const other of [
      'In March 2016, the Bitcoin forum Bitcoin Talk was hacked.',
      'In October 2020, the online game for kids Animal Jam suffered a data breach.',
      'In January 2020, the online dating service Zoosk suffered a data breach.',
      'In May 2019, the graphic design tool website Canva suffered a data breach.',
      'In July 2019, the hacking website Cracked.to suffered a data breach.',
      'In December 2019, the booking website Sonicbids suffered a data breach.',
    ]) {
      expect(describesShop(other), other).toBe(false);
    }
  });
});

describe('ransomware', () => {
  it('imports every post as an unconfirmed claim, never as a confirmed breach', async () => {
    const summary = await importInto(layers, 'ransomware', FIXTURE_FILES.ransomware);
    const incidents = await readIncidents(layers.importedDir);
    expect(incidents.length).toBe(summary.added.length);
    expect(incidents.length).toBe(5);
    for (const incident of incidents) {
      expect(incident.status).toBe('claimed');
      expect(incident.kind).toBe('ransomware');
      expect(incident.dataExposed).toEqual([]);
      expect(incident.actors.every((a) => a.basis === 'claimed')).toBe(true);
      expect(incident.sources.every((s) => s.url.startsWith('https://www.ransomware.live/'))).toBe(true);
    }
    expect(summary.skipped['not-retail']).toBe(2);
  });

  it('takes a domain only from a company field that names one', async () => {
    await importInto(layers, 'ransomware', FIXTURE_FILES.ransomware);
    const byRecord = new Map((await readIncidents(layers.importedDir)).map((i) => [i.provenance[0]!.record, i]));
    expect(byRecord.get('rw:thermos-com-2026-08-12')!.domains).toEqual(['thermos.com']);
    expect(byRecord.get('rw:aldogroup-com-aldoshoes-com-2026-08-12')!.domains).toEqual(['aldogroup.com', 'aldoshoes.com']);
    // "Target" on a leak site may not be Target Corp.: no domain, so no banner on target.com.
    expect(byRecord.get('rw:target-2026-08-20')!.domains).toEqual([]);
    expect(byRecord.get('rw:fr-2026-07-26')!.domains).toEqual([]);
  });

  it('finds domains in leak-site names', () => {
    expect(domainsInName('SUUNTO.CN (SUUNTO.COM)')).toEqual(['suunto.cn', 'suunto.com']);
    expect(domainsInName('****.fr')).toEqual([]);
    expect(domainsInName('Nourison | Home')).toEqual([]);
    expect(domainsInName('co.uk')).toEqual([]);
  });
});

describe('notices', () => {
  it('keeps AG notices from known retailers and only Item 1.05 SEC filings', async () => {
    const summary = await importInto(layers, 'notices', FIXTURE_FILES.notices);
    expect(summary.skipped).toMatchObject({ 'sec-not-item-1.05': 1, 'not-retail': 1, 'not-a-known-retailer': 1 });
    const incidents = await readIncidents(layers.importedDir);
    const orgs = incidents.map((i) => i.organisation).sort();
    expect(orgs).toEqual(['7-Eleven, Inc.', 'ASOS', 'Walgreens']);
    const asos = incidents.find((i) => i.organisation === 'ASOS')!;
    expect(asos.domains).toEqual(['asos.com']);
    expect(asos.sources[0]!.url).toMatch(/^https:\/\/oag\.ca\.gov\//);
    expect(asos.authorities).toEqual(['California AG']);
  });
});

describe('prc', () => {
  it('imports BSR rows, resolving names through the registry or a name that is a domain', async () => {
    const summary = await importInto(layers, 'prc', FIXTURE_FILES.prc);
    expect(summary.skipped).toMatchObject({ 'not-retail': 2, 'not-retail-despite-label': 2 });
    const incidents = await readIncidents(layers.importedDir);
    const target = incidents.find((i) => i.organisation === 'Target Corporation')!;
    expect(target.domains).toEqual(['target.com']);
    expect(target.disclosedOn).toBe('2013-12-13'); // PRC's "Date Made Public"
    expect(target.sources[0]).toMatchObject({ url: 'https://privacyrights.org/data-breaches', publisher: 'Privacy Rights Clearinghouse' });
    expect(incidents.find((i) => i.organisation === 'Zappos')!.domains).toEqual(['zappos.com']);
    // "Kmart, Sears" is an alias of Sears Holdings in the registry.
    expect(incidents.find((i) => i.organisation === 'Sears Holdings')!.domains).toEqual(['kmart.com', 'sears.com']);
  });
});

describe('wikipedia', () => {
  it('keeps retail rows, drops mislabelled ones, and folds duplicate rows into one incident', async () => {
    const summary = await importInto(layers, 'wikipedia', FIXTURE_FILES.wikipedia);
    expect(summary.skipped).toMatchObject({ 'not-retail-despite-label': 2, 'not-retail': 2 });
    const incidents = await readIncidents(layers.importedDir);
    const gap = incidents.filter((i) => i.organisation === 'Gap Inc.');
    expect(gap).toHaveLength(1);
    expect(gap[0]!.provenance.map((p) => p.record)).toEqual(['Gap Inc 2007', 'Gap Inc. 2007']);
    const target = incidents.filter((i) => i.organisation === 'Target Corporation');
    expect(target).toHaveLength(1);
    expect(target[0]!.sources[0]).toMatchObject({ licence: 'CC BY-SA 4.0', url: 'https://en.wikipedia.org/wiki/List_of_data_breaches' });
  });
});

it('every fixture import writes only records that pass the schema', async () => {
  for (const source of ['hibp', 'ransomware', 'notices', 'prc', 'wikipedia'] as const) await importInto(layers, source, FIXTURE_FILES[source]);
  for (const incident of await readIncidents(layers.importedDir)) expect(incidentSchema.safeParse(incident).success).toBe(true);
});
