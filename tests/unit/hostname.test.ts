import { describe, expect, it } from 'vitest';
import { candidateDomains, domainMatches, domainProblem, hostnameFromUrl, normaliseHostname } from '../../core/matching/hostname';
import { confirmMatches, DomainIndex } from '../../core/matching/domain-index';
import type { Incident } from '../../core/model/schema';

describe('hostnameFromUrl: what part of a URL takes part in matching', () => {
  it.each([
    ['https://www.marksandspencer.com/', 'www.marksandspencer.com'],
    ['HTTPS://WWW.MarksAndSpencer.COM./food?x=1', 'www.marksandspencer.com'],
    ['http://shop.coop.co.uk:8080/basket', 'shop.coop.co.uk'],
    ['https://a.com@evil.example/', 'evil.example'],
    ['https://user:pw@evil.example/path/marksandspencer.com', 'evil.example'],
    ['https://evil.example/?u=https://marksandspencer.com', 'evil.example'],
    ['https://evil.example/#marksandspencer.com', 'evil.example'],
    ['https://münchen.de/', 'xn--mnchen-3ya.de'],
    ['https://xn--mnchen-3ya.de/', 'xn--mnchen-3ya.de'],
    ['http://127.0.0.1/', null],
    ['http://10.0.0.1:8080/', null],
    ['http://[::1]/', null],
    ['http://[2001:db8::1]/', null],
    ['http://localhost:3000/', null],
    ['http://intranet/', null],
    ['file:///home/me/marksandspencer.com.html', null],
    ['chrome://settings/', null],
    ['chrome-extension://abc/popup.html', null],
    ['about:blank', null],
    ['ftp://marksandspencer.com/', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(hostnameFromUrl(url)).toBe(expected);
  });
});

describe('normaliseHostname', () => {
  it.each([
    ['WWW.Target.COM', 'www.target.com'],
    ['target.com.', 'target.com'],
    ['  target.com ', 'target.com'],
    ['a.com@evil.example', null],
    ['a.com/path', null],
    ['a.com:443', null],
    ['1.2.3.4', null],
    ['localhost', null],
    ['', null],
    ['-bad.com', null],
    ['bad..com', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseHostname(input)).toBe(expected);
  });
});

describe('the matching rule: h == d or h ends with "." + d', () => {
  it.each([
    ['marksandspencer.com', 'marksandspencer.com', true],
    ['marksandspencer.com', 'www.marksandspencer.com', true],
    ['marksandspencer.com', 'a.b.marksandspencer.com', true],
    ['marksandspencer.com', 'notmarksandspencer.com', false],
    ['marksandspencer.com', 'marksandspencer.com.evil.example', false],
    ['marksandspencer.com', 'marksandspencer.co', false],
    ['www.marksandspencer.com', 'marksandspencer.com', false],
    ['nival.com', 'carnival.com', false],
    ['coop.co.uk', 'shop.coop.co.uk', true],
    ['coop.co.uk', 'thecoop.co.uk', false],
  ])('%s vs %s → %s', (domain, host, expected) => {
    expect(domainMatches(domain, host)).toBe(expected);
  });

  it('walks only the suffixes of the hostname with two or more labels', () => {
    expect(candidateDomains('a.b.example.co.uk')).toEqual(['a.b.example.co.uk', 'b.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(candidateDomains('example.com')).toEqual(['example.com']);
  });

  it('the in-memory index agrees with the rule', () => {
    const incident = (id: string, domains: string[]) => ({ id, domains }) as unknown as Incident;
    const incidents = [incident('ms', ['marksandspencer.com']), incident('nival', ['nival.com']), incident('shop', ['shop.example.com'])];
    const index = DomainIndex.of(incidents.map((i) => i.domains));
    const lookup = (hostname: string) => confirmMatches(index.match(hostname).map((p) => incidents[p]!), hostname).map((i) => i.id);
    expect(lookup('www.marksandspencer.com')).toEqual(['ms']);
    expect(lookup('carnival.com')).toEqual([]);
    expect(lookup('example.com')).toEqual([]);
    expect(lookup('a.shop.example.com')).toEqual(['shop']);
  });
});

describe('domainProblem: what may never be a dataset domain', () => {
  it.each(['co.uk', 'myshopify.com', 'github.io', 'wixsite.com', 'netlify.app', 'squarespace.com', 'amazonaws.com', 'blogspot.com'])(
    '%s is refused (public suffix or shared platform)',
    (domain) => {
      expect(domainProblem(domain)).toMatch(/public suffix|shared platform/);
    },
  );
  it.each(['marksandspencer.com', 'coop.co.uk', 'shop.coop.co.uk', 'some-shop.myshopify.com', 'xn--mnchen-3ya.de'])('%s is allowed', (domain) => {
    expect(domainProblem(domain)).toBeNull();
  });
  it.each([
    ['Target.com', /normal form: "target.com"/],
    ['münchen.de', /normal form: "xn--mnchen-3ya.de"/],
    ['127.0.0.1', /not a valid hostname/],
    ['localhost', /not a valid hostname/],
    ['com', /not a valid hostname/],
    ['target.com/path', /not a valid hostname/],
  ])('%s is refused with a reason', (domain, reason) => {
    expect(domainProblem(domain)).toMatch(reason);
  });
});
