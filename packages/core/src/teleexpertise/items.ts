import type { QuestionnaireItem } from './questionnaire.ts';

/** An item with where it sits: its JSON path (for errors) and its enclosing group (for enableWhen). */
export interface PlacedItem {
  item: QuestionnaireItem;
  path: PropertyKey[];
  parent: QuestionnaireItem | undefined;
}

/** Every item of the tree, depth first, in document order. */
export function placeItems(
  items: readonly QuestionnaireItem[],
  path: PropertyKey[] = ['item'],
  parent?: QuestionnaireItem,
): PlacedItem[] {
  return items.flatMap((item, i) => {
    const at = [...path, i];
    return [{ item, path: at, parent }, ...placeItems(item.item ?? [], [...at, 'item'], item)];
  });
}

/** Items that carry answers (groups hold items, display items hold text). */
export const isQuestion = (item: QuestionnaireItem) => item.type !== 'group' && item.type !== 'display';

/** Which kind of value a choice item's options are (an item mixing kinds is refused at import). */
export function optionKind(item: QuestionnaireItem): 'coding' | 'string' | 'integer' | undefined {
  const first = item.answerOption?.[0];
  if (!first) return undefined;
  if (first.valueCoding) return 'coding';
  return first.valueString !== undefined ? 'string' : 'integer';
}
