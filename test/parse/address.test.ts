// Why a typed text is not an e-mail address: one sentence that `users`, `digest --to` and the subscription form all show.
import { describe, expect, it } from 'vitest';
import { notAnAddress } from '../../src/parse/address.js';

describe('notAnAddress', () => {
  it.each([['pelastus@example.fi'], ['  pelastus@ÄÄNEKOSKI.FI '], ['\ufeffx@example.fi']])('says nothing of an address: %j', (text) => {
    expect(notAnAddress(text)).toBeNull();
  });

  it.each([
    ['ei-osoite', '"ei-osoite" is not an e-mail address'],
    ['x@example.fi>', '"x@example.fi>" is not an e-mail address'],
    ['evil@example.fi\r\nBcc: v@example.fi', '"evil@example.fi\\r\\nBcc: v@example.fi" is not an e-mail address'],
    ['uusi\u200b@example.fi', '"uusi\u200b@example.fi" is not an e-mail address: it holds an invisible formatting character (U+200B at character 5), as text pasted from a web page or a document may; type the address again'],
  ])('names what is wrong with %j', (text, why) => {
    expect(notAnAddress(text)).toBe(why);
  });
});
