import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Runs of lines that are quoted ("> …", from a reply) or not. */
function blocks(text: string): { quoted: boolean; lines: string[] }[] {
  const out: { quoted: boolean; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const quoted = line.startsWith('>');
    const last = out.at(-1);
    if (last && last.quoted === quoted) last.lines.push(line);
    else out.push({ quoted, lines: [line] });
  }
  return out;
}

/**
 * A letter's free text, line breaks kept. Text quoted from an earlier letter is set apart (a rule and
 * a lighter colour) so the new words stand out; it stays readable and in place.
 */
export function LetterText({ text }: { text: string }) {
  const parts: ReactNode[] = blocks(text).map((block, index) =>
    block.quoted ? (
      <Text
        key={index}
        component="blockquote"
        c="dimmed"
        m={0}
        pl="sm"
        style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-wrap' }}
      >
        {block.lines.join('\n')}
      </Text>
    ) : (
      <Text key={index} style={{ whiteSpace: 'pre-wrap' }}>
        {block.lines.join('\n')}
      </Text>
    ),
  );
  return (
    <div data-testid="message-text" style={{ overflowWrap: 'anywhere' }}>
      {parts}
    </div>
  );
}
