/** Patient movement notices from establishments, shown among the conversations (issue 8). */
export const noticesFr = {
  title: 'Mouvements de patients',
};
