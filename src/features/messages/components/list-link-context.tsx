import { createContext } from 'react';
import type { MessageListContext } from '@/lib/message-list-link';

/**
 * The list the rows belong to (its filters and preset anchor), carried by each row's link so
 * that the message page can step through the same list.
 */
export const ListLinkContext = createContext<MessageListContext | undefined>(undefined);
