/**
 * Desktop notifications for new chat messages. Permission is asked on a click only, never on load
 * (browsers penalise pages that ask unprompted, and people deny them). A notification names the
 * conversation and nothing else: the operating system's notification centre is shown on lock screens
 * and kept in history, no place for patient data.
 */

const PREFERENCE = 'liaison.chat.notifications';

export type NotificationState = 'unsupported' | 'denied' | 'off' | 'on';

export function notificationState(): NotificationState {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  if (Notification.permission !== 'granted') return 'off';
  return localStorage.getItem(PREFERENCE) === 'on' ? 'on' : 'off';
}

/** Asks the browser (on the person's click) and remembers that they want notifications here. */
export async function enableNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'granted') localStorage.setItem(PREFERENCE, 'on');
  return notificationState();
}

/**
 * Shows "new message in <conversation>" when this page is hidden (a visible page shows the message
 * itself). `tag` replaces an earlier notification of the same conversation instead of piling up.
 */
export async function notifyNewMessage(input: { title: string; body: string; tag: string; url: string }) {
  if (notificationState() !== 'on' || document.visibilityState === 'visible') return;
  const options = { body: input.body, tag: input.tag, icon: '/icons/icon-192.png' };
  try {
    const notification = new Notification(input.title, options);
    notification.onclick = () => {
      window.focus();
      window.location.assign(input.url);
      notification.close();
    };
  } catch {
    // Installed apps on Android allow notifications only through the service worker; its
    // `notificationclick` (public/sw.js) opens `data.url`, a path that says nothing of the messages.
    const registration = await navigator.serviceWorker?.getRegistration();
    await registration?.showNotification(input.title, { ...options, data: { url: input.url } });
  }
}
