import type { Messages } from '../fr.ts';

export const noticesEn: Messages['notices'] = {
  title: 'Patient movements',
  list: {
    label: 'Movement notices by establishment',
    empty: 'No patient movement notice received.',
    count_one: '{{count}} notice',
    count_other: '{{count}} notices',
    unread_one: '{{count}} unread notice',
    unread_other: '{{count}} unread notices',
  },
  thread: {
    label: 'Notices from {{organisation}}',
    empty: 'No notice from this establishment.',
    more: 'Older notices',
    unreadable: 'This notice cannot be read on this device.',
    notANotice: 'This notice’s content cannot be read: open it in the mailbox.',
  },
  kinds: {
    admission: 'Admission',
    discharge: 'Discharge',
    transfer: 'Transfer',
    death: 'Death',
  },
  card: {
    born: 'born\u00a0{{date}}',
    at: 'on {{date}}',
    service: 'Service: {{service}}',
    destination: 'To: {{destination}}',
    ipp: 'IPP: {{ipp}}',
    note: 'Note:',
    unread: 'Unread',
  },
};
