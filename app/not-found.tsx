import Link from "next/link";

export const metadata = { title: "Not found · Slipway" };

export default function NotFound() {
  return (
    <main className="page page--narrow">
      <div className="card stack">
        <h1>Page not found</h1>
        <p>There is nothing at this address, or you are not allowed to see it.</p>
        <p>
          <Link href="/">Go to Slipway</Link>
        </p>
      </div>
    </main>
  );
}
