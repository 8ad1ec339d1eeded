import { ComposePage } from '@/features/compose/compose-page';

export function Component() {
  return <ComposePage />;
}
