import { PageHeader } from '@/components/page-header';

export function ConnectPage() {
  return (
    <PageHeader
      title="Connect"
      description="Connect Perch to its built-in sandbox, or to a Bird workspace with an access key."
    />
  );
}
