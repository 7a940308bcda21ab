/** Placeholder, replaced by the component of issue 9. */
export function RequestView() {
  return null;
}
