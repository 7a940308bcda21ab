/** Placeholder, replaced by the component of issue 9. */
export function NewRequestWizard() {
  return null;
}
