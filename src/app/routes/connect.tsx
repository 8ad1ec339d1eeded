import { ConnectPage } from '@/features/connect/connect-page';

export function Component() {
  return <ConnectPage />;
}
