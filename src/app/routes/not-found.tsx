import { Link, useLocation } from 'react-router';
import { PageHeader } from '@/components/page-header';

export function NotFound() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader
        title="Page not found"
        description={
          <>
            There is no page at <code>{pathname}</code>.
          </>
        }
      />
      <Link to="/messages">Back to Messages</Link>
    </>
  );
}
