import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoReplyAddress, NO_REPLY_CHARTER_ARTICLE, normaliseLocalPart } from '../src/index.ts';

describe('normaliseLocalPart', () => {
  it('lower-cases, strips accents, separators and digits', () => {
    expect(normaliseLocalPart('Ne_Pas.Répondre-42+x y')).toBe('nepasrepondrexy');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normaliseLocalPart(normaliseLocalPart(s)) === normaliseLocalPart(s)),
    );
  });
});

describe('isNoReplyAddress', () => {
  it.each([
    'noreply@hopital.fr',
    'no-reply@hopital.fr',
    'no_reply@hopital.fr',
    'NoReply@hopital.fr',
    'NO.REPLY@hopital.fr',
    'donotreply@labo.fr',
    'do-not-reply@labo.fr',
    'DoNotReply@labo.fr',
    'ne-pas-repondre@chu.fr',
    'nepasrepondre@chu.fr',
    'ne_pas_répondre@chu.fr',
    'NePasRépondre@chu.fr',
    'ne.pas.repondre@chu.fr',
    'pasderéponse@clinique.fr',
    'pas-de-reponse@clinique.fr',
    'ne-repondez-pas@clinique.fr',
    'nereponse@clinique.fr',
    'ne-reponse@clinique.fr',
    'NeReponse@clinique.fr',
    'noanswer@clinique.fr',
    'no-response@clinique.fr',
    'noresponse@clinique.fr',
    'mailer-daemon@clinique.fr',
    'noreply123@hopital.fr',
    'no-reply-hopital@hopital.fr',
    'hopital.noreply@hopital.fr',
    'hopital-noreply-urgences@hopital.fr',
    'info@noreply.hopital.fr',
    'nepasrepondre',
  ])('flags %s', (address) => {
    expect(isNoReplyAddress(address)).toBe(true);
  });

  it.each([
    'norbert@cabinet.fr',
    'noreen@cabinet.fr',
    'reponse.labo@labo.fr',
    'reponses@labo.fr',
    'anne.reponse@chu.fr',
    'bruno.reponse@chu.fr',
    'etienne-reponse@chu.fr',
    'secretariat.cardio@chu.fr',
    'dr.nore@cabinet.fr',
    'pharmacie.du.pont@pharmacie.fr',
    'no@cabinet.fr',
    'reply@cabinet.fr',
  ])('does not flag %s', (address) => {
    expect(isNoReplyAddress(address)).toBe(false);
  });

  it('does not depend on case or accents', () => {
    const variants = ['ne.pas.repondre', 'NE.PAS.REPONDRE', 'Ne.Pas.Répondre', 'nÉ-pAs-RÉpOnDrE'];
    fc.assert(
      fc.property(fc.constantFrom(...variants), fc.constantFrom('', '1', '-42'), (local, suffix) =>
        isNoReplyAddress(`${local}${suffix}@hopital.fr`),
      ),
    );
  });

  it('points to the charter article', () => {
    expect(NO_REPLY_CHARTER_ARTICLE).toBe(4);
  });
});
