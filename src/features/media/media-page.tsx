import { PageHeader } from '@/components/page-header';

export function MediaPage() {
  return (
    <PageHeader
      title="Media"
      description="Upload images and files to attach to the messages you send."
    />
  );
}
