import type { NoticeKind } from '@liaison/core/notice/index';

/**
 * One colour per kind, always with the word beside it (colour alone says nothing to a colour-blind
 * reader); death in grey, not red: it is news, not an alarm.
 */
export const NOTICE_KIND_COLOURS: Record<NoticeKind, string> = {
  admission: 'blue',
  discharge: 'teal',
  transfer: 'orange',
  death: 'gray',
};
