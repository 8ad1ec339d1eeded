import { useCallback, useSyncExternalStore } from 'react';
import {
  chooseTheme,
  currentTheme,
  oppositeTheme,
  subscribeToTheme,
  type Theme,
} from './theme-store';

export function useTheme(): { theme: Theme; toggleTheme: () => void } {
  const theme = useSyncExternalStore(subscribeToTheme, currentTheme);
  const toggleTheme = useCallback(() => {
    chooseTheme(oppositeTheme(currentTheme()));
  }, []);
  return { theme, toggleTheme };
}
