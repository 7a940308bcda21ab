/** Patient movement notices from establishments, shown among the conversations (issue 8). */
export const noticesFr = {
  title: 'Mouvements de patients',
  list: {
    label: 'Avis de mouvement par établissement',
    empty: 'Aucun avis de mouvement de patient reçu.',
    count_one: '{{count}} avis',
    count_other: '{{count}} avis',
    unread_one: '{{count}} avis non lu',
    unread_other: '{{count}} avis non lus',
  },
  thread: {
    label: 'Avis de {{organisation}}',
    empty: 'Aucun avis de cet établissement.',
    more: 'Avis plus anciens',
    unreadable: 'Cet avis ne peut pas être lu sur cet appareil.',
    notANotice: 'Le contenu de cet avis est illisible : ouvrez-le dans la messagerie.',
  },
  kinds: {
    admission: 'Admission',
    discharge: 'Sortie',
    transfer: 'Transfert',
    death: 'Décès',
  },
  card: {
    born: 'né(e)\u00a0le\u00a0{{date}}',
    at: 'le {{date}}',
    service: 'Service : {{service}}',
    destination: 'Vers : {{destination}}',
    ipp: 'IPP : {{ipp}}',
    note: 'Note :',
    unread: 'Non lu',
  },
};
