/**
 * Messages as devices seal them, made before the timed phase: real CMS EnvelopedData for exactly the
 * group's members' certificates (the sender's included), so the server does all its per-message work
 * (base64 and DER parsing, the recipient check) while no client-side crypto runs during the
 * measurement. A few per group, so not every message carries identical bytes.
 */
import { base64Encode, encrypt, utf8 } from '../../packages/core/src/crypto/index.ts';

const TEXTS = [
  'Mme D., chambre 12 : TA 13/8 ce matin, douleur 3/10. Je repasse à 17 h.',
  'Résultats de la NFS reçus, rien d’alarmant. On garde le traitement.',
  'Sortie prévue demain 10 h, le courrier de liaison part ce soir.',
];

export async function sealForGroup(certificatePems: readonly string[], count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) =>
      base64Encode(
        await encrypt({ content: utf8(TEXTS[i % TEXTS.length]!), recipients: [...certificatePems] }),
      ),
    ),
  );
}
