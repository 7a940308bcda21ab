import type { Me } from '@liaison/core/api/index';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * The signed-in person, for every tele-expertise screen: TeleexpertisePage sits behind RequireSession
 * and provides it, so the requester's and the expert's components need no prop drilling.
 */
const MeContext = createContext<Me | null>(null);

export function TeleexpertiseMeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useTeleexpertiseMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useTeleexpertiseMe outside TeleexpertisePage');
  return me;
}
