// One mailbox, as From and Reply-To must hold: `Name <me@example.org>` or `me@example.org`. Address lists
// (`a@x, b@y`), group syntax (`Team: <a@x>;`) and control or line-separator characters in the name are
// refused: each would put recipients or headers into a message that the writer never meant.
import addressparser from 'nodemailer/lib/addressparser';

/** C0/C1 controls, U+2028 and U+2029: invisible in a config, and each can end a header line somewhere. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/;
/** A display name (quoted or not) before an angle address, or a bare address. */
const SHAPE = /^(?:(?:"(?:[^"\\]|\\.)*"|[^<>"@,;:]*)\s*<([^<>]+)>|([^<>\s]+))$/;

/** Why `value` is not exactly one mailbox, or undefined when it is. */
export function mailboxProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return 'a single line without control characters';
  const trimmed = value.trim();
  const shape = SHAPE.exec(trimmed);
  const parsed = addressparser(trimmed);
  if (parsed.some((entry) => 'group' in entry && entry.group)) return 'one mailbox, not a group (Name: ...;)';
  if (parsed.length !== 1) return 'one mailbox, not a list of addresses';
  const address = shape?.[1] ?? shape?.[2];
  if (!address || !ADDRESS.test(address.trim()) || parsed[0]!.address !== address.trim())
    return 'one mailbox like "Name <me@example.org>"';
  return undefined;
}

/** The domain of a mailbox's address ('' when it has none). */
export function mailboxDomain(value: string): string {
  const [first] = addressparser(value);
  const address = first && 'address' in first ? (first.address ?? '') : '';
  return address.includes('@') ? address.slice(address.lastIndexOf('@') + 1).toLowerCase() : '';
}
