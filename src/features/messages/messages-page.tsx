import { PageHeader } from '@/components/page-header';

export function MessagesPage() {
  return (
    <PageHeader
      title="Messages"
      description="Browse and filter every message in the workspace, newest first, across all of its channels."
    />
  );
}
