import { PageHeader } from '@/components/page-header';

export function ComposePage() {
  return (
    <PageHeader
      title="Compose"
      description="Write a message and send it on one of the workspace's channels."
    />
  );
}
