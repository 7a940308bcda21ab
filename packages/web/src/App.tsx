import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { Loading } from './components/Loading.tsx';
import { AccountPage } from './pages/account/AccountPage.tsx';
import { HomeRedirect } from './pages/home/HomeRedirect.tsx';
import { QuarantinePage } from './pages/quarantine/QuarantinePage.tsx';
import { NotFoundPage } from './pages/home/NotFoundPage.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { TotpEnrolPage } from './pages/totp/TotpEnrolPage.tsx';

// Pages most people open once (registration, setup) or never (staff tools) load on demand, so the
// everyday login → account path stays small.
const RegisterPage = lazy(() =>
  import('./pages/register/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })),
);
const SetupPage = lazy(() => import('./pages/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const ActivatePage = lazy(() =>
  import('./pages/activate/ActivatePage.tsx').then((m) => ({ default: m.ActivatePage })),
);
const VerificationPage = lazy(() =>
  import('./pages/verification/VerificationPage.tsx').then((m) => ({ default: m.VerificationPage })),
);
const EstablishmentsPage = lazy(() =>
  import('./pages/establishments/EstablishmentsPage.tsx').then((m) => ({ default: m.EstablishmentsPage })),
);
// Keys carry the crypto core (PKI.js): loaded only when someone opens the keys page.
const KeysPage = lazy(() => import('./pages/keys/KeysPage.tsx').then((m) => ({ default: m.KeysPage })));
// Mail decrypts and signs with the crypto core (PKI.js): its pages load it on first use, like keys.
const MailboxPage = lazy(() =>
  import('./pages/mail/MailboxPage.tsx').then((m) => ({ default: m.MailboxPage })),
);
const MessagePage = lazy(() =>
  import('./pages/mail/MessagePage.tsx').then((m) => ({ default: m.MessagePage })),
);
const ComposePage = lazy(() =>
  import('./pages/mail/ComposePage.tsx').then((m) => ({ default: m.ComposePage })),
);
// Chat encrypts and decrypts with the crypto core too: loaded on first use.
const TeleexpertisePage = lazy(() =>
  import('./pages/teleexpertise/TeleexpertisePage.tsx').then((m) => ({ default: m.TeleexpertisePage })),
);
const ChatPage = lazy(() => import('./pages/chat/ChatPage.tsx').then((m) => ({ default: m.ChatPage })));
const EstablishmentPage = lazy(() =>
  import('./pages/establishments/EstablishmentPage.tsx').then((m) => ({ default: m.EstablishmentPage })),
);

// The directory is public (a visitor may search it without an account): its pages load on demand too.
const DirectorySearchPage = lazy(() =>
  import('./pages/directory/search/DirectorySearchPage.tsx').then((m) => ({
    default: m.DirectorySearchPage,
  })),
);
const EntryPage = lazy(() =>
  import('./pages/directory/entry/EntryPage.tsx').then((m) => ({ default: m.EntryPage })),
);
const DirectoryReviewPage = lazy(() =>
  import('./pages/directory/review/DirectoryReviewPage.tsx').then((m) => ({
    default: m.DirectoryReviewPage,
  })),
);
const OrganisationDirectoryPage = lazy(() =>
  import('./pages/directory/admin/OrganisationDirectoryPage.tsx').then((m) => ({
    default: m.OrganisationDirectoryPage,
  })),
);
const AddressBookPage = lazy(() =>
  import('./pages/directory/addressBook/AddressBookPage.tsx').then((m) => ({ default: m.AddressBookPage })),
);

// Statistics carry the charts (recharts): only platform and establishment admins ever load them.
const StatsPage = lazy(() => import('./pages/stats/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));
const EstablishmentStatsPage = lazy(() =>
  import('./pages/stats/EstablishmentStatsPage.tsx').then((m) => ({ default: m.EstablishmentStatsPage })),
);
// The service status is public (read when signing in fails); publishing is for technicians.
const StatusPage = lazy(() =>
  import('./pages/status/StatusPage.tsx').then((m) => ({ default: m.StatusPage })),
);
const ManageStatusPage = lazy(() =>
  import('./pages/status/ManageStatusPage.tsx').then((m) => ({ default: m.ManageStatusPage })),
);

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="setup" element={<SetupPage />} />
          <Route path="activate" element={<ActivatePage />} />
          <Route path="totp" element={<TotpEnrolPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="keys" element={<KeysPage />} />
          <Route path="mail" element={<MailboxPage />} />
          <Route path="mail/new" element={<ComposePage />} />
          <Route path="mail/messages/:id" element={<MessagePage />} />
          <Route path="teleexpertise/*" element={<TeleexpertisePage />} />
          <Route path="chat" element={<ChatPage />} />
          <Route path="chat/notices/:organisationId" element={<ChatPage />} />
          <Route path="chat/:conversationId" element={<ChatPage />} />
          <Route path="directory" element={<DirectorySearchPage />} />
          <Route path="directory/entries/:id" element={<EntryPage />} />
          <Route path="directory/review" element={<DirectoryReviewPage />} />
          <Route path="directory/organisations/:organisationId" element={<OrganisationDirectoryPage />} />
          <Route path="address-book" element={<AddressBookPage />} />
          <Route path="quarantine" element={<QuarantinePage />} />
          <Route path="verification" element={<VerificationPage />} />
          <Route path="establishments" element={<EstablishmentsPage />} />
          <Route path="establishments/:id" element={<EstablishmentPage />} />
          <Route path="establishments/:id/stats" element={<EstablishmentStatsPage />} />
          <Route path="stats" element={<StatsPage />} />
          <Route path="status" element={<StatusPage />} />
          <Route path="status/manage" element={<ManageStatusPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
