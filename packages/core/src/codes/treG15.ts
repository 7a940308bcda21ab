/**
 * TRE_G15 ProfessionSante: health professions defined by the French public health code
 * (OID 1.2.250.1.71.1.2.7), published by the Agence du Numérique en Santé (ANS).
 *
 * Verified entry by entry (all 30 codes, labels and status) against the FHIR CodeSystem version
 * 20250328120000 as published in the ANS "Terminologies de Santé" implementation guide v1.12.0, and
 * cross-checked with the earlier version 0.1.0 (2021-12-17) stored in the ansforge/IG-NOS repository
 * (ig/allNos2/CodeSystem-TRE-G15-ProfessionSante.json). Between the two, 35-39 were retired
 * (2024-12-13), 39 became "Préparateur en pharmacie (officine)" and 86 "Technicien de laboratoire
 * médical"; 93 was created already retired (2021-12-17).
 * French labels are the published `display`. English labels are ours.
 */
import type { CodeList } from './types.ts';

export const TRE_G15 = {
  id: 'TRE_G15',
  source:
    'ANS, https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante (Terminologies de Santé IG v1.12.0)',
  version: '20250328120000',
  codes: [
    { code: '10', label: 'Médecin', labelEn: 'Physician' },
    { code: '21', label: 'Pharmacien', labelEn: 'Pharmacist' },
    { code: '26', label: 'Audioprothésiste', labelEn: 'Hearing aid specialist' },
    { code: '28', label: 'Opticien-Lunetier', labelEn: 'Dispensing optician' },
    { code: '31', label: 'Assistant dentaire', labelEn: 'Dental assistant' },
    { code: '32', label: 'Physicien médical', labelEn: 'Medical physicist' },
    { code: '35', label: 'Aide-soignant', labelEn: 'Nursing assistant', deprecated: true },
    { code: '36', label: 'Ambulancier', labelEn: 'Ambulance driver', deprecated: true },
    { code: '37', label: 'Auxiliaire de puériculture', labelEn: 'Childcare assistant', deprecated: true },
    {
      code: '38',
      label: 'Préparateur en pharmacie hospitalière',
      labelEn: 'Hospital pharmacy technician',
      deprecated: true,
    },
    {
      code: '39',
      label: 'Préparateur en pharmacie (officine)',
      labelEn: 'Pharmacy technician (community pharmacy)',
      deprecated: true,
    },
    { code: '40', label: 'Chirurgien-Dentiste', labelEn: 'Dental surgeon' },
    { code: '50', label: 'Sage-Femme', labelEn: 'Midwife' },
    { code: '60', label: 'Infirmier', labelEn: 'Nurse' },
    { code: '69', label: 'Infirmier psychiatrique', labelEn: 'Psychiatric nurse' },
    { code: '70', label: 'Masseur-Kinésithérapeute', labelEn: 'Physiotherapist' },
    { code: '80', label: 'Pédicure-Podologue', labelEn: 'Podiatrist' },
    { code: '81', label: 'Orthoprothésiste', labelEn: 'Prosthetist-orthotist' },
    { code: '82', label: 'Podo-Orthésiste', labelEn: 'Podiatric orthotist' },
    { code: '83', label: 'Orthopédiste-Orthésiste', labelEn: 'Orthotist' },
    { code: '84', label: 'Oculariste', labelEn: 'Ocularist' },
    { code: '85', label: 'Epithésiste', labelEn: 'Facial prosthetist' },
    { code: '86', label: 'Technicien de laboratoire médical', labelEn: 'Medical laboratory technician' },
    { code: '91', label: 'Orthophoniste', labelEn: 'Speech and language therapist' },
    { code: '92', label: 'Orthoptiste', labelEn: 'Orthoptist' },
    { code: '93', label: 'Psychologue', labelEn: 'Psychologist', deprecated: true },
    { code: '94', label: 'Ergothérapeute', labelEn: 'Occupational therapist' },
    { code: '95', label: 'Diététicien', labelEn: 'Dietitian' },
    { code: '96', label: 'Psychomotricien', labelEn: 'Psychomotor therapist' },
    { code: '98', label: 'Manipulateur ERM', labelEn: 'Radiographer' },
  ],
} as const satisfies CodeList;
