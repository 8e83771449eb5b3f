namespace Edge.Resolve.Tests.TestSupport;

/// <summary>Mutates DNS messages in place, 1 to 4 steps deep: bit flips, random octets, DNS-meaningful
/// octets (pointers, label lengths, counts) at random places, deletions, duplications, truncation.
/// Seeded (EDGE_FUZZ_SEED), so a failure replays.</summary>
public sealed class DnsMutator(int seed)
{
    private static readonly byte[][] Tokens =
    [
        [0xC0, 0x0C], [0xC0, 0x00], [0xC0, 0xFF], [0x3F], [0x40], [0x80], [0x00], [0xFF, 0xFF], [0x00, 0x01], [0x00, 0x29],
        [0x00, 0x00, 0x29, 0x10, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00], [0x00, 0x06], [0x00, 0xFF], [0x01, 0x00],
    ];

    private readonly Random _random = new(seed);
    private readonly byte[] _chunk = new byte[32];

    public Random Random => _random;

    /// <summary>Copies <paramref name="seed"/> into <paramref name="buffer"/> mutated; returns its length.</summary>
    public int Mutate(ReadOnlySpan<byte> input, byte[] buffer)
    {
        var length = Math.Min(input.Length, buffer.Length);
        input[..length].CopyTo(buffer);
        var rounds = _random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            if (length == 0)
            {
                buffer[0] = (byte)_random.Next(256);
                length = 1;
                continue;
            }
            var at = _random.Next(length);
            switch (_random.Next(9))
            {
                case 0:
                    buffer[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    buffer[at] = (byte)_random.Next(256);
                    break;
                case 2:
                    // Header fields are what decide most paths: hit them often.
                    buffer[_random.Next(Math.Min(length, 12))] = (byte)_random.Next(256);
                    break;
                case 3:
                    var cut = Math.Min(length - at, _random.Next(1, 16));
                    buffer.AsSpan(at + cut, length - at - cut).CopyTo(buffer.AsSpan(at));
                    length -= cut;
                    break;
                case 4:
                    var copy = Math.Min(Math.Min(length - at, _random.Next(1, _chunk.Length)), buffer.Length - length);
                    buffer.AsSpan(at, copy).CopyTo(_chunk);
                    var to = _random.Next(length + 1);
                    buffer.AsSpan(to, length - to).CopyTo(buffer.AsSpan(to + copy));
                    _chunk.AsSpan(0, copy).CopyTo(buffer.AsSpan(to));
                    length += copy;
                    break;
                case 5:
                    var token = Tokens[_random.Next(Tokens.Length)];
                    var fit = Math.Min(token.Length, length - at);
                    token.AsSpan(0, fit).CopyTo(buffer.AsSpan(at));
                    break;
                case 6:
                    length = _random.Next(length + 1);
                    break;
                case 7:
                    var extra = Math.Min(_random.Next(1, 12), buffer.Length - length);
                    _random.NextBytes(buffer.AsSpan(length, extra));
                    length += extra;
                    break;
                default:
                    // A count field set to a small number, so records appear and vanish.
                    if (length >= 12)
                        buffer[5 + 2 * _random.Next(4)] = (byte)_random.Next(4);
                    break;
            }
        }
        return length;
    }

    public static int Iterations(int defaultIterations) =>
        int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : defaultIterations;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_SEED"), out var s) ? s : 20261125;
}
