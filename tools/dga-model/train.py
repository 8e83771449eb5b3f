"""Character-trigram model of benign DNS labels for Edge.Detect.Names.DgaModel.

Alphabet (38 symbols): 0 = label boundary, 1-26 = a-z, 27-36 = 0-9, 37 = '-'.
For every context (a, b) and next symbol c the file holds one byte:
round(8 * -log2 P(c | a, b)), capped at 255, at offset (a * 38 + b) * 38 + c.
P interpolates trigram, bigram and unigram estimates (Jelinek-Mercer) with a uniform floor,
so unseen symbols (digits, hyphens) cost a lot but never infinitely much.
"""
import math
import sys

N = 38
L3, L2, L1, L0 = 0.6, 0.3, 0.09, 0.01


def sym(ch):
    if 'a' <= ch <= 'z':
        return ord(ch) - 96
    if '0' <= ch <= '9':
        return ord(ch) - 48 + 27
    return 37


def main(src, dst):
    c3 = [0] * (N * N * N)
    c2 = [0] * (N * N)
    c1 = [0] * N
    for line in open(src, encoding='ascii'):
        w = line.strip()
        if not w:
            continue
        s = [0, 0] + [sym(ch) for ch in w] + [0]
        for i in range(2, len(s)):
            a, b, c = s[i - 2], s[i - 1], s[i]
            c3[(a * N + b) * N + c] += 1
            c2[b * N + c] += 1
            c1[c] += 1
    t1 = sum(c1)
    out = bytearray(N * N * N)
    for a in range(N):
        for b in range(N):
            ctx3 = sum(c3[(a * N + b) * N:(a * N + b + 1) * N])
            ctx2 = sum(c2[b * N:(b + 1) * N])
            for c in range(N):
                p = L0 / N + L1 * c1[c] / t1
                p += L2 * (c2[b * N + c] / ctx2 if ctx2 else c1[c] / t1)
                p += L3 * (c3[(a * N + b) * N + c] / ctx3 if ctx3 else (c2[b * N + c] / ctx2 if ctx2 else c1[c] / t1))
                out[(a * N + b) * N + c] = min(255, round(-8 * math.log2(p)))
    open(dst, 'wb').write(bytes(out))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
