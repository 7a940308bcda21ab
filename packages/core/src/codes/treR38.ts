/**
 * TRE_R38 SpecialiteOrdinale: specialties recognised by the professional orders (OID 1.2.250.1.213.2.28),
 * published by the Agence du Numérique en Santé (ANS). Prefixes: SM médecin, SCD chirurgien-dentiste,
 * SI infirmier, SP pharmacien.
 *
 * Verified entry by entry (all 110 codes, labels and status) against the FHIR CodeSystem version
 * 20260730120000 as published in the ANS "Terminologies de Santé" implementation guide v1.12.0, and
 * cross-checked with the earlier version 0.1.0 (2022-08-26) stored in the ansforge/IG-NOS repository
 * (ig/allNos2/CodeSystem-TRE-R38-SpecialiteOrdinale.json), which stops at SM72 and SI05.
 *
 * French labels are the published `display` with two edits, both for readability in the UI:
 * - the trailing qualifier "(SM)", "(SCD)", "(SI)", "(SP)" is dropped (the code prefix carries it);
 * - for SM74, SM76-SM82, SM84-SM86 and SM94, whose `display` is abbreviated ("opt", "Méd", "chir"…),
 *   the long designation published alongside it is used instead; for SM85 its leading "Ophtalmo"
 *   is written out as "Ophtalmologie", and SM94 is aligned with SM74 ("Radiologie et imagerie médicale").
 * English labels are ours (British spelling).
 */
import type { CodeList } from './types.ts';

export const TRE_R38 = {
  id: 'TRE_R38',
  source:
    'ANS, https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale (Terminologies de Santé IG v1.12.0)',
  version: '20260730120000',
  codes: [
    { code: 'SCD01', label: 'Orthopédie dento-faciale', labelEn: 'Dentofacial orthopaedics' },
    { code: 'SCD02', label: 'Chirurgie orale', labelEn: 'Oral surgery' },
    { code: 'SCD03', label: 'Médecine bucco-dentaire', labelEn: 'Oral medicine' },
    {
      code: 'SI01',
      label: 'Exercice infirmier en pratique avancée pathologies chroniques stabilisées',
      labelEn: 'Advanced practice nursing: stable chronic conditions',
    },
    {
      code: 'SI02',
      label: 'Exercice infirmier en pratique avancée oncologie et hémato-oncologie',
      labelEn: 'Advanced practice nursing: oncology and haemato-oncology',
    },
    {
      code: 'SI03',
      label: 'Exercice infirmier en pratique avancée maladie rénale chronique',
      labelEn: 'Advanced practice nursing: chronic kidney disease',
    },
    {
      code: 'SI04',
      label: 'Exercice infirmier en pratique avancée santé mentale',
      labelEn: 'Advanced practice nursing: mental health',
    },
    {
      code: 'SI05',
      label: 'Exercice infirmier en pratique avancée urgences',
      labelEn: 'Advanced practice nursing: emergency care',
    },
    { code: 'SI06', label: 'Infirmier(ère) de bloc opératoire', labelEn: 'Theatre nurse' },
    { code: 'SI07', label: 'Infirmier(ère) anesthésiste', labelEn: 'Nurse anaesthetist' },
    { code: 'SI08', label: 'Infirmier(ère) puériculteur(trice)', labelEn: 'Paediatric nurse' },
    {
      code: 'SM01',
      label: 'Anatomie et Cytologie pathologiques',
      labelEn: 'Anatomical and cytological pathology',
    },
    { code: 'SM02', label: 'Anesthésie-réanimation', labelEn: 'Anaesthesiology and critical care' },
    { code: 'SM03', label: 'Biologie médicale', labelEn: 'Medical biology' },
    {
      code: 'SM04',
      label: 'Cardiologie et Maladies vasculaires',
      labelEn: 'Cardiology and vascular diseases',
    },
    { code: 'SM05', label: 'Chirurgie générale', labelEn: 'General surgery' },
    { code: 'SM06', label: 'Chirurgie maxillo-faciale', labelEn: 'Maxillofacial surgery' },
    {
      code: 'SM07',
      label: 'Chirurgie maxillo-faciale et Stomatologie',
      labelEn: 'Maxillofacial surgery and stomatology',
    },
    {
      code: 'SM08',
      label: 'Chirurgie orthopédique et Traumatologie',
      labelEn: 'Orthopaedic surgery and traumatology',
    },
    { code: 'SM09', label: 'Chirurgie infantile', labelEn: 'Paediatric surgery' },
    {
      code: 'SM10',
      label: 'Chirurgie plastique reconstructrice et esthétique',
      labelEn: 'Plastic, reconstructive and aesthetic surgery',
    },
    {
      code: 'SM11',
      label: 'Chirurgie thoracique et cardio-vasculaire',
      labelEn: 'Thoracic and cardiovascular surgery',
    },
    { code: 'SM12', label: 'Chirurgie urologique', labelEn: 'Urological surgery' },
    { code: 'SM13', label: 'Chirurgie vasculaire', labelEn: 'Vascular surgery' },
    { code: 'SM14', label: 'Chirurgie viscérale et digestive', labelEn: 'Visceral and digestive surgery' },
    { code: 'SM15', label: 'Dermatologie et Vénéréologie', labelEn: 'Dermatology and venereology' },
    { code: 'SM16', label: 'Endocrinologie et Métabolisme', labelEn: 'Endocrinology and metabolism' },
    { code: 'SM17', label: 'Génétique médicale', labelEn: 'Medical genetics' },
    { code: 'SM18', label: 'Gériatrie', labelEn: 'Geriatrics' },
    { code: 'SM19', label: 'Gynécologie médicale', labelEn: 'Medical gynaecology' },
    { code: 'SM20', label: 'Gynécologie-obstétrique', labelEn: 'Obstetrics and gynaecology' },
    { code: 'SM21', label: 'Hématologie', labelEn: 'Haematology' },
    {
      code: 'SM22',
      label: 'Hématologie, option Maladie du sang',
      labelEn: 'Haematology, blood diseases option',
    },
    {
      code: 'SM23',
      label: 'Hématologie, option Onco-hématologie',
      labelEn: 'Haematology, haemato-oncology option',
    },
    { code: 'SM24', label: 'Gastro-entérologie et Hépatologie', labelEn: 'Gastroenterology and hepatology' },
    { code: 'SM25', label: 'Médecine du travail', labelEn: 'Occupational medicine' },
    { code: 'SM26', label: 'Qualifié en Médecine générale', labelEn: 'Qualified in general practice' },
    { code: 'SM27', label: 'Médecine interne', labelEn: 'Internal medicine' },
    { code: 'SM28', label: 'Médecine nucléaire', labelEn: 'Nuclear medicine' },
    {
      code: 'SM29',
      label: 'Médecine physique et de réadaptation',
      labelEn: 'Physical and rehabilitation medicine',
    },
    { code: 'SM30', label: 'Néphrologie', labelEn: 'Nephrology' },
    { code: 'SM31', label: 'Neuro-chirurgie', labelEn: 'Neurosurgery' },
    { code: 'SM32', label: 'Neurologie', labelEn: 'Neurology' },
    { code: 'SM33', label: 'Neuro-psychiatrie', labelEn: 'Neuropsychiatry' },
    { code: 'SM34', label: 'ORL et Chirurgie cervico-faciale', labelEn: 'ENT and head and neck surgery' },
    {
      code: 'SM35',
      label: 'Oncologie, option Onco-hématologie',
      labelEn: 'Oncology, haemato-oncology option',
    },
    { code: 'SM36', label: 'Oncologie, option médicale', labelEn: 'Oncology, medical option' },
    { code: 'SM37', label: 'Oncologie, option radiothérapie', labelEn: 'Oncology, radiotherapy option' },
    { code: 'SM38', label: 'Ophtalmologie', labelEn: 'Ophthalmology' },
    { code: 'SM39', label: 'Oto-rhino-laryngologie', labelEn: 'Otorhinolaryngology' },
    { code: 'SM40', label: 'Pédiatrie', labelEn: 'Paediatrics' },
    { code: 'SM41', label: 'Pneumologie', labelEn: 'Pulmonology' },
    { code: 'SM42', label: 'Psychiatrie', labelEn: 'Psychiatry' },
    {
      code: 'SM43',
      label: 'Psychiatrie, option enfant et adolescent',
      labelEn: 'Psychiatry, child and adolescent option',
    },
    { code: 'SM44', label: 'Radio-diagnostic', labelEn: 'Diagnostic radiology' },
    { code: 'SM45', label: 'Radio-thérapie', labelEn: 'Radiotherapy' },
    { code: 'SM46', label: 'Médecine intensive-réanimation', labelEn: 'Intensive care medicine' },
    { code: 'SM47', label: 'Recherche médicale', labelEn: 'Medical research' },
    { code: 'SM48', label: 'Rhumatologie', labelEn: 'Rheumatology' },
    {
      code: 'SM49',
      label: 'Santé publique et Médecine sociale',
      labelEn: 'Public health and social medicine',
    },
    { code: 'SM50', label: 'Stomatologie', labelEn: 'Stomatology' },
    {
      code: 'SM51',
      label: 'Gynéco-obstétrique et Gynéco-médicale, option Gynéco-obstétrique',
      labelEn: 'Obstetrics, gynaecology and medical gynaecology, obstetrics and gynaecology option',
    },
    {
      code: 'SM52',
      label: 'Gynéco-obstétrique et Gynéco-médicale, option Gynéco-médicale',
      labelEn: 'Obstetrics, gynaecology and medical gynaecology, medical gynaecology option',
    },
    { code: 'SM53', label: 'Spécialiste en Médecine générale', labelEn: 'Specialist in general practice' },
    { code: 'SM54', label: 'Médecine générale', labelEn: 'General practice' },
    {
      code: 'SM55',
      label: 'Radio-diagnostic et Radio-thérapie',
      labelEn: 'Diagnostic radiology and radiotherapy',
    },
    { code: 'SM56', label: 'Chirurgie orale', labelEn: 'Oral surgery' },
    { code: 'SM57', label: 'Allergologie', labelEn: 'Allergology' },
    {
      code: 'SM58',
      label: 'Maladies infectieuses et tropicales',
      labelEn: 'Infectious and tropical diseases',
    },
    { code: 'SM59', label: "Médecine d'urgence", labelEn: 'Emergency medicine' },
    {
      code: 'SM60',
      label: 'Médecine légale et expertises médicales',
      labelEn: 'Forensic medicine and medical expertise',
    },
    { code: 'SM61', label: 'Médecine vasculaire', labelEn: 'Vascular medicine' },
    {
      code: 'SM62',
      label: 'Endocrinologie, diabétologie, nutrition',
      labelEn: 'Endocrinology, diabetology and nutrition',
    },
    {
      code: 'SM63',
      label: 'Biologie médicale option biologie générale',
      labelEn: 'Medical biology, general biology option',
    },
    {
      code: 'SM64',
      label: 'Biologie médicale option médecine moléculaire, génétique et pharmacologie',
      labelEn: 'Medical biology, molecular medicine, genetics and pharmacology option',
    },
    {
      code: 'SM65',
      label: 'Biologie médicale option hématologie et immunologie',
      labelEn: 'Medical biology, haematology and immunology option',
    },
    {
      code: 'SM66',
      label: 'Biologie médicale option agents infectieux',
      labelEn: 'Medical biology, infectious agents option',
    },
    {
      code: 'SM67',
      label: 'Biologie médicale option biologie de la reproduction',
      labelEn: 'Medical biology, reproductive biology option',
    },
    {
      code: 'SM68',
      label: 'Chirurgie maxillo-faciale (réforme 2017)',
      labelEn: 'Maxillofacial surgery (2017 reform)',
    },
    {
      code: 'SM69',
      label: 'Chirurgie pédiatrique option chirurgie viscérale pédiatrique',
      labelEn: 'Paediatric surgery, paediatric visceral surgery option',
    },
    {
      code: 'SM70',
      label: 'Chirurgie pédiatrique option orthopédie pédiatrique',
      labelEn: 'Paediatric surgery, paediatric orthopaedics option',
    },
    { code: 'SM71', label: 'Hématologie (réforme 2017)', labelEn: 'Haematology (2017 reform)' },
    {
      code: 'SM72',
      label: 'Médecine interne et immunologie clinique',
      labelEn: 'Internal medicine and clinical immunology',
    },
    { code: 'SM73', label: 'Médecine cardiovasculaire', labelEn: 'Cardiovascular medicine' },
    { code: 'SM74', label: 'Radiologie et imagerie médicale', labelEn: 'Radiology and medical imaging' },
    { code: 'SM75', label: 'Santé publique', labelEn: 'Public health' },
    {
      code: 'SM76',
      label: 'Anesthésie-réanimation option anesthésie-pédiatrique',
      labelEn: 'Anaesthesiology and critical care, paediatric anaesthesia option',
    },
    {
      code: 'SM77',
      label: 'Chirurgie maxillo-faciale option orthodontie des dysmorphies maxillo-faciales',
      labelEn: 'Maxillofacial surgery, orthodontics of maxillofacial deformities option',
    },
    {
      code: 'SM78',
      label: 'Chirurgie viscérale et digestive option endoscopie chirurgicale',
      labelEn: 'Visceral and digestive surgery, surgical endoscopy option',
    },
    {
      code: 'SM79',
      label: 'Médecine cardiovasculaire option cardiologie interventionnelle',
      labelEn: 'Cardiovascular medicine, interventional cardiology option',
    },
    {
      code: 'SM80',
      label: "Médecine cardiovasculaire option imagerie cardio d'expert",
      labelEn: 'Cardiovascular medicine, expert cardiac imaging option',
    },
    {
      code: 'SM81',
      label: 'Médecine cardiovasculaire option rythmologie interventionnelle et stimulation cardiaque',
      labelEn: 'Cardiovascular medicine, interventional electrophysiology and cardiac pacing option',
    },
    {
      code: 'SM82',
      label: 'Médecine intensive-réanimation option réanimation pédiatrique',
      labelEn: 'Intensive care medicine, paediatric intensive care option',
    },
    {
      code: 'SM83',
      label: 'Néphrologie option soins intensifs néphrologiques',
      labelEn: 'Nephrology, nephrology intensive care option',
    },
    {
      code: 'SM84',
      label: "Neurologie option traitement interventionnel de l'ischémie cérébrale aigüe",
      labelEn: 'Neurology, interventional treatment of acute ischaemic stroke option',
    },
    {
      code: 'SM85',
      label: 'Ophtalmologie option chirurgie ophtalmopédiatrique et strabologique',
      labelEn: 'Ophthalmology, paediatric ophthalmic and strabismus surgery option',
    },
    {
      code: 'SM86',
      label: 'ORL et chirurgie cervico-faciale option audiophonologie',
      labelEn: 'ENT and head and neck surgery, audiophonology option',
    },
    { code: 'SM87', label: 'Pédiatrie option néonatologie', labelEn: 'Paediatrics, neonatology option' },
    {
      code: 'SM88',
      label: 'Pédiatrie option neuropédiatrie',
      labelEn: 'Paediatrics, paediatric neurology option',
    },
    {
      code: 'SM89',
      label: 'Pédiatrie option pneumopédiatrie',
      labelEn: 'Paediatrics, paediatric pulmonology option',
    },
    {
      code: 'SM90',
      label: 'Pédiatrie option réanimation pédiatrique',
      labelEn: 'Paediatrics, paediatric intensive care option',
    },
    {
      code: 'SM91',
      label: 'Pneumologie option soins intensifs respiratoires',
      labelEn: 'Pulmonology, respiratory intensive care option',
    },
    {
      code: 'SM92',
      label: 'Psychiatrie option enfant et adolescent',
      labelEn: 'Psychiatry, child and adolescent option',
    },
    {
      code: 'SM93',
      label: 'Psychiatrie option psychiatrie de la personne âgée',
      labelEn: 'Psychiatry, old age psychiatry option',
    },
    {
      code: 'SM94',
      label: 'Radiologie et imagerie médicale option radiologie interventionnelle avancée',
      labelEn: 'Radiology and medical imaging, advanced interventional radiology option',
    },
    {
      code: 'SM95',
      label: 'Santé publique option administration de la santé',
      labelEn: 'Public health, health administration option',
    },
    { code: 'SP01', label: 'Radio-pharmacie', labelEn: 'Radiopharmacy', deprecated: true },
    { code: 'SP02', label: 'Hygiène', labelEn: 'Hygiene', deprecated: true },
    { code: 'SP03', label: 'Pharmacovigilance', labelEn: 'Pharmacovigilance', deprecated: true },
    { code: 'SP04', label: 'Hémovigilance', labelEn: 'Haemovigilance', deprecated: true },
  ],
} as const satisfies CodeList;
