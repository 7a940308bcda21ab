import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout } from '../api/auth.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Whatever the server says, nothing of the previous user may stay in memory on a shared workstation.
    onSettled: async () => {
      queryClient.clear();
      await navigate('/login', { replace: true });
    },
  });
}
