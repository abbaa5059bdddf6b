import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped.</p>
      <p>
        <Link to="/">Go to the map of the health and care system</Link>
      </p>
      <p>
        <Link to="/about">About the data and its sources</Link>
      </p>
    </>
  );
}
