import { syntheticJpeg } from '../../src/synthetic/jpeg.ts';
import { canonicalOf, type Questionnaire } from '../../src/teleexpertise/questionnaire.ts';
import type { Answer, QuestionnaireResponse, ResponseItem } from '../../src/teleexpertise/response.ts';

/** Builders for test responses: answers by linkId, nested under their groups like the form. */

export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const jpegPhoto = (title = 'photo.jpg'): Answer => ({
  valueAttachment: {
    contentType: 'image/jpeg',
    data: base64(syntheticJpeg({ width: 64, height: 48 })),
    title,
  },
});
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
export const pdfFile = (contentType = 'application/pdf'): Answer => ({
  valueAttachment: { contentType, data: base64(PDF_BYTES), title: 'ecg.pdf' },
});
export const coding = (system: string, code: string): Answer => ({ valueCoding: { system, code } });

export function responseTo(
  form: Questionnaire,
  answers: Record<string, Answer[]>,
  status: QuestionnaireResponse['status'] = 'completed',
): QuestionnaireResponse {
  const build = (items: Questionnaire['item']): ResponseItem[] =>
    items.flatMap((item) => {
      const children = build(item.item ?? []);
      const own = answers[item.linkId];
      if (!own && children.length === 0) return [];
      return [
        {
          linkId: item.linkId,
          ...(own ? { answer: own } : {}),
          ...(children.length ? { item: children } : {}),
        },
      ];
    });
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: canonicalOf(form),
    status,
    item: build(form.item),
  };
}
