/** True when `location` is a PostgreSQL connection URL rather than a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

interface UrlParts {
  /** `scheme://user` */
  head: string;
  password: string | undefined;
  /** `@host:port/db?…` (or everything after the scheme when there is no user info). */
  tail: string;
}

/** Splits the user info off a URL as WHATWG URL does: it ends at the authority's last `@`. */
function splitUserInfo(location: string): UrlParts {
  const start = location.indexOf('://') + 3;
  const authorityEnd = location.slice(start).search(/[/?#]/);
  const authority = authorityEnd === -1 ? location.slice(start) : location.slice(start, start + authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at === -1) return { head: location.slice(0, start), password: undefined, tail: location.slice(start) };
  const userInfo = authority.slice(0, at);
  const colon = userInfo.indexOf(':');
  return {
    head: location.slice(0, start) + (colon === -1 ? userInfo : userInfo.slice(0, colon)),
    password: colon === -1 ? undefined : userInfo.slice(colon + 1),
    tail: location.slice(start + at),
  };
}

/**
 * The location as it may be printed: a connection URL with its password (in the user info or a
 * `password=` query parameter) replaced by `***`; a file path unchanged.
 */
export function maskProfileLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  const { head, password, tail } = splitUserInfo(location);
  const masked = password === undefined ? head + tail : `${head}:***${tail}`;
  return masked.replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** The passwords a connection URL carries, raw and decoded: to scrub from driver messages. */
export function urlSecrets(location: string): string[] {
  if (!isPostgresUrl(location)) return [];
  const inQuery = /[?&]password=([^&#]*)/i.exec(location)?.[1];
  const raw = [splitUserInfo(location).password, inQuery].filter((secret): secret is string => !!secret);
  const decoded = raw.map((secret) => {
    try {
      return decodeURIComponent(secret);
    } catch {
      return secret;
    }
  });
  return [...new Set([...raw, ...decoded])].filter((secret) => secret.length > 0);
}
