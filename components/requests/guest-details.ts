export interface GuestFields {
  name: string;
  email: string;
}

// The server checks the address for real; this only catches a slip before any file is sent.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first asked field that is missing or malformed, with why, in words; null when all is given. */
export function detailsProblem(asks: { askName: boolean; askEmail: boolean }, fields: GuestFields): { field: keyof GuestFields; message: string } | null {
  if (asks.askName && !fields.name.trim()) return { field: "name", message: "Enter your name first: the person who asked for these files wants to know who sent them." };
  if (asks.askEmail && !fields.email.trim()) return { field: "email", message: "Enter your e-mail address first: the person who asked for these files wants to be able to reply." };
  if (asks.askEmail && !EMAIL.test(fields.email.trim())) return { field: "email", message: "That e-mail address does not look right. Check it, then add your files again." };
  return null;
}
