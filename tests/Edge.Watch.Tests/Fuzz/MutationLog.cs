using System.Text;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>What was done to the current frame, kept as numbers and only turned into text on failure.</summary>
public sealed class MutationLog
{
    private const int Capacity = 8;
    private readonly (MutationKind Kind, int A, long B, string? Field)[] _entries = new (MutationKind, int, long, string?)[Capacity];
    private int _count;

    public FuzzSeed? Seed { get; private set; }

    public void Start(FuzzSeed seed)
    {
        Seed = seed;
        _count = 0;
    }

    public void Add(MutationKind kind, int a, long b, string? field = null)
    {
        if (_count < Capacity)
            _entries[_count++] = (kind, a, b, field);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("from ").Append(Seed?.Source ?? "?").Append(':');
        for (var i = 0; i < _count; i++)
        {
            var (kind, a, b, field) = _entries[i];
            text.Append(' ').Append(kind switch
            {
                MutationKind.FieldExtreme => $"{field}@{a}={b}",
                MutationKind.BitFlips => $"flip {a} bits",
                MutationKind.ByteSet => $"set {a} bytes",
                MutationKind.Truncate => $"truncate to {a}",
                MutationKind.Extend => $"extend by {a}",
                _ => $"splice at {a} with frame {b}",
            });
        }
        return text.ToString();
    }
}
