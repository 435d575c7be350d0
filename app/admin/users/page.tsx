import { UsersView } from "@/components/admin/users/users-view";

export const metadata = { title: "Users · Slipway admin" };

export default function AdminUsersPage() {
  return (
    <>
      <h1>Users</h1>
      <UsersView />
    </>
  );
}
