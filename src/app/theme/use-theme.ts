import { useCallback, useSyncExternalStore } from 'react';
import {
  chooseTheme,
  currentTheme,
  oppositeTheme,
  serverTheme,
  subscribeToTheme,
  type Theme,
} from './theme-store';

export function useTheme(): { theme: Theme; toggleTheme: () => void } {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme, serverTheme);
  const toggleTheme = useCallback(() => {
    chooseTheme(oppositeTheme(currentTheme()));
  }, []);
  return { theme, toggleTheme };
}
