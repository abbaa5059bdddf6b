export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <a href="./">Go to the explorer&apos;s start page</a>
      </p>
    </>
  );
}
