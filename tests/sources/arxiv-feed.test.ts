import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../../src/sources/arxiv.js';
import { SourceError } from '../../src/sources/errors.js';
import { arxivErrorFeed, atomFeed } from '../fakes/arxiv/fixtures.js';

// A page as export.arxiv.org sends it: wrapped title and summary, several authors with
// affiliations, the primary category listed after a cross-list, a version in the id.
const BARLOW_TWINS = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/5Nu3MtUz5TbIDSGQcFhCzbB2jbI</id>
  <title>arXiv Query: search_query=cat:cs.CV&amp;id_list=&amp;start=0&amp;max_results=2</title>
  <updated>2025-01-15T00:00:00Z</updated>
  <link href="https://arxiv.org/api/query?search_query=cat:cs.CV&amp;start=0&amp;max_results=2" type="application/atom+xml"/>
  <opensearch:itemsPerPage>2</opensearch:itemsPerPage>
  <opensearch:totalResults>118342</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>http://arxiv.org/abs/2103.03230v3</id>
    <updated>2021-06-14T16:04:27Z</updated>
    <published>2021-03-04T18:40:46Z</published>
    <title>Barlow Twins: Self-Supervised Learning via Redundancy
  Reduction</title>
    <summary>  Self-supervised learning (SSL) is rapidly closing the gap with supervised
methods on large computer vision benchmarks &amp; more: caf&#233; &#x2014; done.
</summary>
    <author>
      <name>Jure Zbontar</name>
      <arxiv:affiliation>Facebook AI Research</arxiv:affiliation>
    </author>
    <author>
      <name>Li Jing</name>
    </author>
    <author>
      <name>Ishan Misra</name>
    </author>
    <arxiv:comment>13 pages, 5 figures</arxiv:comment>
    <arxiv:journal_ref>ICML 2021</arxiv:journal_ref>
    <link href="http://arxiv.org/abs/2103.03230v3" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2103.03230v3" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
    <category term="q-bio.NC" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
  <entry>
    <id>http://arxiv.org/abs/hep-th/9901001v1</id>
    <updated>1999-01-01T12:00:00Z</updated>
    <published>1999-01-01T12:00:00Z</published>
    <title>An Old-Style Paper</title>
    <summary>Strings.</summary>
    <author><name>Ed Witten</name></author>
    <arxiv:primary_category term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
    <category term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
`;

function malformed(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError && error.kind === 'malformed') return error;
    throw error;
  }
  throw new Error('expected a malformed SourceError');
}

describe('parseArxivFeed', () => {
  it('normalises entries: collapsed title, authors in order, primary category first, versionless id', () => {
    const feed = parseArxivFeed(BARLOW_TWINS);

    expect(feed.totalResults).toBe(118342);
    expect(feed.entries).toBe(2);
    expect(feed.warnings).toEqual([]);
    expect(feed.papers).toStrictEqual([
      {
        source: 'arxiv',
        arxivId: '2103.03230',
        title: 'Barlow Twins: Self-Supervised Learning via Redundancy Reduction',
        abstract:
          'Self-supervised learning (SSL) is rapidly closing the gap with supervised methods on large computer vision benchmarks & more: café — done.',
        authors: ['Jure Zbontar', 'Li Jing', 'Ishan Misra'],
        published: '2021-03-04',
        updated: '2021-06-14',
        categories: ['cs.CV', 'cs.LG', 'q-bio.NC'],
        links: [],
      },
      {
        source: 'arxiv',
        arxivId: 'hep-th/9901001',
        title: 'An Old-Style Paper',
        abstract: 'Strings.',
        authors: ['Ed Witten'],
        published: '1999-01-01',
        updated: '1999-01-01',
        categories: ['hep-th'],
        links: [],
      },
    ]);
  });

  it('reads a single entry with one author and one category as lists', () => {
    const xml = atomFeed([
      { id: '2501.00001', version: 2, title: 'Alone', summary: 'One.', authors: ['Solo Author'], published: '2025-01-14T10:00:00Z', primaryCategory: 'cs.CL' },
    ]);

    const feed = parseArxivFeed(xml);

    expect(feed.totalResults).toBe(1);
    expect(feed.papers).toHaveLength(1);
    expect(feed.papers[0]).toMatchObject({ arxivId: '2501.00001', authors: ['Solo Author'], categories: ['cs.CL'], published: '2025-01-14' });
  });

  it('reads an empty listing as no papers, not an error', () => {
    expect(parseArxivFeed(atomFeed([], { total: 0 }))).toStrictEqual({ papers: [], warnings: [], entries: 0, totalResults: 0 });
  });

  it('warns about an entry without title or abstract and keeps the others', () => {
    const xml = atomFeed([
      { id: '2501.00001', published: '2025-01-14T10:00:00Z' },
      { id: '2501.00002', published: '2025-01-14T09:00:00Z', omit: ['title'] },
      { id: '2501.00003', published: '2025-01-14T08:00:00Z', omit: ['title', 'summary'] },
    ]);

    const feed = parseArxivFeed(xml);

    expect(feed.papers.map((p) => p.arxivId)).toEqual(['2501.00001']);
    expect(feed.entries).toBe(3);
    expect(feed.warnings).toEqual([
      { source: 'arxiv', item: '2501.00002', message: 'missing title' },
      { source: 'arxiv', item: '2501.00003', message: 'missing title and abstract' },
    ]);
  });

  it.each([
    ['truncated XML', BARLOW_TWINS.slice(0, 900)],
    ['mismatched tags', '<feed><entry><title>x</entry></feed>'],
    ['HTML', '<!DOCTYPE html><html><body><p>Service Unavailable<br></body></html>'],
    ['JSON', '{"error": "nope"}'],
    ['an empty body', ''],
  ])('rejects %s as malformed', (_name, xml) => {
    malformed(() => parseArxivFeed(xml));
  });

  it('rejects well-formed XML that is not a feed', () => {
    expect(malformed(() => parseArxivFeed('<rss><channel/></rss>')).message).toBe('not an Atom feed');
  });

  it("turns arXiv's error feed into an error carrying its summary", () => {
    const error = malformed(() => parseArxivFeed(arxivErrorFeed('start must be non-negative')));
    expect(error.message).toBe('arXiv API error: start must be non-negative');
  });
});
