import { MediaPage } from '@/features/media/media-page';

export function Component() {
  return <MediaPage />;
}
