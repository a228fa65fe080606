// hash.js: the id the address's #fragment names.

// hashId returns the fragment of an address (location.hash by default),
// percent-decoded, or as it is when it is not valid percent-encoding (#%,
// or a character cut in half, as a truncated shared link has): an id no
// element has, not an exception that would stop the page's scripts.
export function hashId(hash = location.hash) {
  const raw = hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
