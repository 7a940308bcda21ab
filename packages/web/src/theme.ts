import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm teal-blue, light to dark. Shade 7 is the primary: white text on it stays above WCAG AA contrast.
const liaison: MantineColorsTuple = [
  '#e7f6f8',
  '#cfe9ee',
  '#a0d3dc',
  '#6dbcc9',
  '#45a8b9',
  '#2b9baf',
  '#1a93a8',
  '#087f93',
  '#007184',
  '#006274',
];

export const theme = createTheme({
  primaryColor: 'liaison',
  primaryShade: { light: 7, dark: 5 },
  colors: { liaison },
  defaultRadius: 'md',
  // Keyboard users must always see where they are; mouse clicks do not draw the ring.
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
});
