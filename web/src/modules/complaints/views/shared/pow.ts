// The public form's proof of work, solved in the browser: find a string s such that
// SHA-256(`${token}:${s}`) starts with `difficulty` zero bits (docs/complaints.md). Uses
// crypto.subtle only — no third-party service, no eval; hashes are computed in batches.

function leadingZeroBits(hash: ArrayBuffer): number {
  const bytes = new Uint8Array(hash)
  let bits = 0
  for (const b of bytes) {
    if (b === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(b) - 24
  }
  return bits
}

/**
 * Returns a solution for `token` at `difficulty` bits. Calls `progress` with the number of
 * hashes tried after each batch; stops with an error when `signal` is aborted.
 */
export async function solveChallenge(
  token: string,
  difficulty: number,
  progress?: (tried: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const encoder = new TextEncoder()
  const batch = 256
  for (let start = 0; ; start += batch) {
    if (signal?.aborted) throw new Error('aborted')
    const hashes = await Promise.all(
      Array.from({ length: batch }, (_, i) =>
        crypto.subtle.digest('SHA-256', encoder.encode(`${token}:${start + i}`)),
      ),
    )
    for (let i = 0; i < batch; i++) {
      if (leadingZeroBits(hashes[i]) >= difficulty) return String(start + i)
    }
    progress?.(start + batch)
  }
}
