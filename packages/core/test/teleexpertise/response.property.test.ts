import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DERMATOLOGY_CODES, DERMATOLOGY_FORM } from '../../src/teleexpertise/forms/index.ts';
import { placeItems } from '../../src/teleexpertise/items.ts';
import { validateResponse, type Answer } from '../../src/teleexpertise/response.ts';
import { PDF_BYTES, base64, jpegPhoto, responseTo } from './answers.ts';

const linkIds = placeItems(DERMATOLOGY_FORM.item).map((p) => p.item.linkId);

/** Any value[x] a device could send, well-typed or not, including files whose bytes lie. */
const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.boolean().map((valueBoolean) => ({ valueBoolean })),
  fc.string().map((valueString) => ({ valueString })),
  fc.integer().map((valueInteger) => ({ valueInteger })),
  fc.double().map((valueDecimal) => ({ valueDecimal })),
  fc
    .oneof(fc.string(), fc.constant('2026-02-29'), fc.constant('2024-02-29'))
    .map((valueDate) => ({ valueDate })),
  fc
    .record({
      system: fc.constantFrom(DERMATOLOGY_CODES, 'http://snomed.info/sct'),
      code: fc.constantFrom('trunk', 'growing', 'x'),
    })
    .map((valueCoding) => ({ valueCoding })),
  fc.record({ value: fc.double(), unit: fc.constant('mm') }).map((valueQuantity) => ({ valueQuantity })),
  fc.constant(jpegPhoto()),
  fc
    .record({
      contentType: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'text/plain'),
      data: fc.oneof(
        fc.constant(base64(PDF_BYTES)),
        fc.uint8Array({ maxLength: 16 }).map(base64),
        fc.string({ minLength: 1 }),
      ),
    })
    .map((valueAttachment) => ({ valueAttachment })),
);

describe('validating random answers to the dermatology form', () => {
  it('never throws and every finding names an item of the form', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...linkIds), fc.array(anyAnswer, { maxLength: 4 })),
        fc.constantFrom('completed' as const, 'in-progress' as const),
        (answers, status) => {
          const findings = validateResponse(DERMATOLOGY_FORM, responseTo(DERMATOLOGY_FORM, answers, status));
          for (const finding of findings) {
            expect(linkIds).toContain(finding.linkId);
            expect(finding.message).not.toBe('');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
