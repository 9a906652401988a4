/**
 * The small helpers that have one home each (issue 16): SHA-256 hex, the path of a problem in a
 * record, the characters no dataset string may hold, and the domain a hostname matched.
 */
import { describe, expect, it } from 'vitest';
import { NO_CONTROL_CHARACTERS, replaceControlCharacters } from '../../core/model/control-characters';
import { pathOf } from '../../core/model/issue-path';
import { sha256Hex } from '../../core/model/sha256';
import { matchedDomain } from '../../core/matching/matching';

describe('sha256Hex', () => {
  it.each([
    ['the empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['text, hashed as its UTF-8 bytes (c3 a9)', 'é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
  ])('%s', async (_name, input, expected) => {
    expect(await sha256Hex(input)).toBe(expected);
  });

  it('bytes and the text they encode hash alike', async () => {
    expect(await sha256Hex(new TextEncoder().encode('Marks & Spencer'))).toBe(await sha256Hex('Marks & Spencer'));
  });
});

describe('pathOf', () => {
  it.each([
    [[], ''],
    [['summary'], 'summary'],
    [['services', 2, 'since'], 'services[2].since'],
    [[0, 'id'], '[0].id'],
    [['sources', 0, 'url'], 'sources[0].url'],
  ])('%j → "%s"', (path, expected) => {
    expect(pathOf(path)).toBe(expected);
  });
});

describe('control and bidi characters', () => {
  it.each([
    ['plain text', 'Marks & Spencer: click & collect suspended', true],
    ['tab, newline and carriage return', 'a\tb\nc\rd', true],
    ['accents and other scripts', 'Café — 東京 — Ελλάδα', true],
    ['an emoji (astral)', 'shop 🛒', true],
    ['NUL', 'a\u0000b', false],
    ['a bell', 'a\u0007b', false],
    ['DEL', 'a\u007fb', false],
    ['a right-to-left override', 'evil\u202Etxt.exe', false],
    ['a bidi isolate', 'a\u2066b\u2069', false],
    ['a left-to-right mark', 'a\u200eb', false],
  ])('%s: allowed %s', (_name, text, allowed) => {
    expect(NO_CONTROL_CHARACTERS.test(text)).toBe(allowed);
    expect(replaceControlCharacters(text, '') === text).toBe(allowed);
  });

  it('are replaced everywhere in a string, however many', () => {
    expect(replaceControlCharacters('a\u0000b\u202Ec\u0007', ' ')).toBe('a b c ');
    expect(replaceControlCharacters('a\u0000b', ' ')).toBe('a b'); // the same result twice: no regex state carried over
  });
});

describe('matchedDomain', () => {
  it.each([
    [['marksandspencer.com'], 'www.marksandspencer.com', 'marksandspencer.com'],
    [['coop.co.uk', 'shop.coop.co.uk'], 'shop.coop.co.uk', 'coop.co.uk'],
    [['shop.coop.co.uk', 'coop.co.uk'], 'shop.coop.co.uk', 'shop.coop.co.uk'],
    [['nival.com'], 'carnival.com', undefined],
    [[], 'www.example.com', undefined],
  ])('%j on %s → %s', (domains, hostname, expected) => {
    expect(matchedDomain(domains, hostname)).toBe(expected);
  });
});
