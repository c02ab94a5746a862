/**
 * A digest posted as a thread: one message that says what the digest is, and each paper as its
 * own reply in the thread under it, where a team can discuss or react to one paper at a time.
 * Pure; each platform's poster does the posting.
 */
import { reply as makeReply, type Block, type Reply } from './reply.js';
import { plural } from './text.js';

export interface ThreadedReply {
  /** The message in the channel: heading, description, notes and footer, without the papers. */
  parent: Reply;
  /** One reply a paper, in digest order. */
  papers: Reply[];
}

export function splitIntoThread(reply: Reply): ThreadedReply {
  const papers = reply.blocks.filter((block): block is Extract<Block, { type: 'paper' }> => block.type === 'paper');
  if (papers.length === 0) return { parent: reply, papers: [] };
  const first = reply.blocks.findIndex((block) => block.type === 'paper');
  const rest = reply.blocks.filter((block) => block.type !== 'paper');
  const pointer: Block = { type: 'text', text: `${plural(papers.length, 'paper')} in the thread, one reply each.` };
  const parentBlocks = [...rest.slice(0, first), pointer, ...rest.slice(first)];
  const heading = reply.blocks.find((block) => block.type === 'header')?.text;
  const parent: Reply = { ...reply, blocks: parentBlocks, text: [heading, pointer.text].filter(Boolean).join('\n') };
  const replies = papers.map((block, i) =>
    makeReply(`${i + 1}. ${block.paper.title}: ${block.paper.summary}`, [{ ...block, paper: { ...block.paper, rank: i + 1 } }], [], false),
  );
  return { parent, papers: replies };
}

/** The thread's name where a platform wants one (Discord): the digest's heading. */
export function threadName(reply: Reply, max: number): string {
  const heading = reply.blocks.find((block) => block.type === 'header')?.text.trim() || 'Digest';
  return Array.from(heading).slice(0, max).join('');
}
