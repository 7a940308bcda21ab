/**
 * The Liaison mark, from the same SVG as the installed-app icons so there is one drawing to maintain.
 * Decorative (empty alt): the product name always sits beside it.
 */
export function LogoMark({ size = 32 }: { size?: number }) {
  return <img src="/icons/icon.svg" alt="" width={size} height={size} style={{ display: 'block' }} />;
}
