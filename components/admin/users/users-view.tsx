"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi, type AdminUserJson, type Page } from "@/lib/api-client/admin-api";
import { formatBytes } from "@/lib/format-bytes";
import { describeUploadError } from "@/lib/upload-client/describe-error";
import { ErrorMessage } from "../../ui/error-message";
import { Field } from "../../ui/field";
import { LoadMoreButton } from "../../ui/load-more-button";
import { ScrollTable } from "../../ui/scroll-table";
import { useCursorPages } from "../../ui/use-cursor-pages";
import { FilterForm } from "../filter-form";
import { UserDialog } from "./user-dialog";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
type UsersPage = Page<AdminUserJson> & { defaultQuotaBytes: number };

/** Every account, by e-mail, a page at a time; each opens a dialog to change it. */
export function UsersView() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [managing, setManaging] = useState<string | null>(null);
  const queryKey = ["admin", "users", q];
  const { query, items: users } = useCursorPages(queryKey, (cursor) => adminApi.listUsers(q, cursor));
  const defaultQuotaBytes = query.data?.pages[0]?.defaultQuotaBytes;
  const managed = users.find((user) => user.id === managing);

  const replace = (saved: AdminUserJson) =>
    queryClient.setQueryData<InfiniteData<UsersPage>>(queryKey, (data) =>
      data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((user) => (user.id === saved.id ? saved : user)) })) } : data,
    );

  return (
    <div className="stack">
      <FilterForm label="Find users" submitLabel="Search" onSubmit={() => setQ(search.trim())}>
        <Field label="Search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} hint="Part of an e-mail address or a name." />
      </FilterForm>
      {defaultQuotaBytes !== undefined && <p className="muted">Default quota for new accounts: {formatBytes(defaultQuotaBytes)}.</p>}
      {query.isPending ? (
        <p aria-busy="true">Loading users…</p>
      ) : query.isError ? (
        <ErrorMessage message={`The users could not be loaded: ${describeUploadError(query.error)}`} />
      ) : !users.length ? (
        <p className="muted">No user matches “{q}”.</p>
      ) : (
        <ScrollTable label="Users" caption="Users" columns={["E-mail", "Name", "Role", "Trusted", "Disabled", "Used / quota", "Files", "Last active"]}>
          {users.map((user) => (
            <tr key={user.id} data-user-id={user.id}>
              <th scope="row">{user.email}</th>
              <td data-label="Name">{user.name}</td>
              <td data-label="Role">{user.role === "ADMIN" ? <span className="badge">admin</span> : "user"}</td>
              <td data-label="Trusted">{user.trusted ? "yes" : "no"}</td>
              <td data-label="Disabled">{user.disabled ? <span className="badge badge--failed">disabled</span> : "no"}</td>
              <td data-label="Used / quota">
                {formatBytes(user.usedBytes)} / {formatBytes(user.quotaBytes)}
              </td>
              <td data-label="Files">{user.files.toLocaleString()}</td>
              <td data-label="Last active">
                {user.lastActiveAt ? <time dateTime={user.lastActiveAt}>{dateFormat.format(new Date(user.lastActiveAt))}</time> : <span className="muted">never</span>}
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setManaging(user.id)} aria-label={`Manage ${user.email}`}>
                  Manage
                </button>
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <LoadMoreButton pages={query} />
      {managed && defaultQuotaBytes !== undefined && (
        <UserDialog key={managed.id} user={managed} defaultQuotaBytes={defaultQuotaBytes} onSaved={replace} onClose={() => setManaging(null)} />
      )}
    </div>
  );
}
