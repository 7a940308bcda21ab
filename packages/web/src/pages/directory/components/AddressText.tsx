import { Text, type TextProps } from '@mantine/core';
import { Fragment } from 'react';

/**
 * A mail address that wraps where a reader expects it to on a narrow screen: after the "@" and
 * before the dots of the domain, not in the middle of a word.
 */
export function AddressText({
  address,
  ...props
}: { address: string } & TextProps & { 'data-testid'?: string }) {
  const at = address.indexOf('@');
  const local = at < 0 ? address : address.slice(0, at + 1);
  const domain = at < 0 ? [] : address.slice(at + 1).split('.');
  return (
    <Text size="sm" {...props} style={{ overflowWrap: 'break-word' }}>
      {local}
      {domain.map((part, index) => (
        <Fragment key={index}>
          <wbr />
          {index > 0 ? '.' : ''}
          {part}
        </Fragment>
      ))}
    </Text>
  );
}
