using System.Text;

namespace Edge.Firmware.Tests.TestSupport;

/// <summary>Mutates real input the way a fuzzer does: bit flips, random bytes, deletions,
/// duplications and JSON-meaningful tokens (plus any the caller adds for its format), stacked 1 to 4
/// deep. Seeded, so a failure replays.</summary>
internal sealed class Mutator(int seed, IEnumerable<string>? extraTokens = null)
{
    private static readonly byte[][] Tokens =
        [.. new[] { "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e309", "18446744073709551616",
            "\\ud800", "\\u0000", "\"\"", "../", "/", "\\", "CON", "0777", "120777", "[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":",
            "\"files\":[]", "\"boards\":[]", "\"x\":1,", "\u00e9", "\xff" }.Select(t => Encoding.Latin1.GetBytes(t))];

    private readonly Random _random = new(seed);
    private readonly byte[][] _tokens = [.. Tokens, .. (extraTokens ?? []).Select(t => Encoding.UTF8.GetBytes(t))];

    public byte[] Mutate(byte[] input)
    {
        var data = new List<byte>(input);
        var rounds = _random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            if (data.Count == 0)
            {
                data.Add((byte)_random.Next(256));
                continue;
            }
            var at = _random.Next(data.Count);
            switch (_random.Next(6))
            {
                case 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)_random.Next(256);
                    break;
                case 2:
                    data.RemoveRange(at, Math.Min(data.Count - at, _random.Next(1, 32)));
                    break;
                case 3:
                    var length = Math.Min(data.Count - at, _random.Next(1, 64));
                    data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 4:
                    data.InsertRange(at, _tokens[_random.Next(_tokens.Length)]);
                    break;
                default:
                    var token = _tokens[_random.Next(_tokens.Length)];
                    data.RemoveRange(at, Math.Min(data.Count - at, token.Length));
                    data.InsertRange(at, token);
                    break;
            }
        }
        return [.. data];
    }

    public static int Iterations => IterationsOr(20_000);

    /// <summary>EDGE_FUZZ_ITERATIONS, else <paramref name="defaultIterations"/> (for targets slower per input).</summary>
    public static int IterationsOr(int defaultIterations) =>
        int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : defaultIterations;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_SEED"), out var s) ? s : 20261102;
}
