import { describe, expect, it } from 'vitest';
import { linkForReload, MAX_TAB_LINKS, parseTabLinks, withTabLink } from '../../../src/share/tabLinks';

describe('the links a tab wrote', () => {
  it('a reload of one of the tab’s own older links opens its newest', () => {
    let written = withTabLink(null, '2.first');
    written = withTabLink(written, '2.second');
    written = withTabLink(written, '2.newest');
    expect(linkForReload('2.first', written)).toBe('2.newest');
    expect(linkForReload('2.newest', written)).toBe('2.newest');
  });

  it('a link the tab never wrote is opened as it is', () => {
    const written = withTabLink(null, '2.mine');
    expect(linkForReload('2.someone-elses', written)).toBe('2.someone-elses');
    expect(linkForReload('2.anything', null)).toBe('2.anything');
  });

  it('remembers only the last links, and round-trips through its storage text', () => {
    let written = withTabLink(null, '2.0');
    for (let index = 1; index <= MAX_TAB_LINKS + 10; index++) written = withTabLink(written, `2.${index}`);
    expect(written.hashes).toHaveLength(MAX_TAB_LINKS);
    expect(linkForReload('2.0', written)).toBe('2.0');
    expect(linkForReload('2.15', written)).toBe(`2.${MAX_TAB_LINKS + 10}`);
    expect(parseTabLinks(JSON.stringify(written))).toEqual(written);
    expect(parseTabLinks('{"latest":3}')).toBeNull();
    expect(parseTabLinks('nope')).toBeNull();
  });
});
