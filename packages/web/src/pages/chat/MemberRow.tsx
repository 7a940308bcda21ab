import type { ChatMember } from '@liaison/core/api/chat';
import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  member: ChatMember;
  isMe: boolean;
  /** The viewer administers this group: role and removal buttons. */
  manage: boolean;
  /** This member is the group's only admin: the server would refuse the demotion (CHAT_LAST_ADMIN). */
  lastAdmin: boolean;
  roleChanging: boolean;
  removing: boolean;
  onRole: (role: ChatMember['role']) => void;
  onRemove: () => void;
}

/** One member of the modal's list: name, role badge, and for admins the buttons that change them. */
export function MemberRow({
  member,
  isMe,
  manage,
  lastAdmin,
  roleChanging,
  removing,
  onRole,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const admin = member.role === 'admin';
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="wrap"
      gap="xs"
      data-testid="chat-member"
      data-role={member.role}
    >
      <Group gap="xs" wrap="nowrap" miw={0}>
        <Text size="sm" fw={600} truncate="end">
          {member.displayName} {isMe ? t('chat.members.youSuffix') : null}
        </Text>
        <Badge size="xs" variant={admin ? 'filled' : 'outline'} tt="none" data-testid="chat-member-role">
          {t(`chat.members.roles.${member.role}`)}
        </Badge>
      </Group>
      {manage ? (
        <Group gap={4} wrap="nowrap">
          {admin && lastAdmin ? null : (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={t(admin ? 'chat.members.demoteLabel' : 'chat.members.promoteLabel', {
                name: member.displayName,
              })}
              loading={roleChanging}
              onClick={() => onRole(admin ? 'member' : 'admin')}
            >
              {t(admin ? 'chat.members.demote' : 'chat.members.promote')}
            </Button>
          )}
          {isMe ? null : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={t('chat.members.remove', { name: member.displayName })}
              loading={removing}
              onClick={onRemove}
            >
              {t('chat.members.removeShort')}
            </Button>
          )}
        </Group>
      ) : null}
    </Group>
  );
}
