import { ChangePasswordForm } from "@/components/account/change-password-form";
import { getSessionUser } from "@/lib/auth";

export const metadata = { title: "Your account · Slipway" };

export default async function AccountPage() {
  // The layout has already sent anyone without a session to sign in.
  const user = await getSessionUser();
  return (
    <>
      <h1>Your account</h1>
      {user && (
        <p>
          Signed in as {user.name} <span className="muted">({user.email})</span>
        </p>
      )}
      <ChangePasswordForm />
    </>
  );
}
