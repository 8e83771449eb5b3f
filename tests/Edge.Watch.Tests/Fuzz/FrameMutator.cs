namespace Edge.Watch.Tests.Fuzz;

/// <summary>Deterministic mutations of corpus frames (one seeded <see cref="Random"/>): field
/// extremes, bit flips, random bytes, truncation, extension and splicing of two frames.</summary>
public sealed class FrameMutator(Random random, IReadOnlyList<FuzzSeed> seeds)
{
    /// <summary>The largest frame a mutation produces.</summary>
    public const int MaxFrame = 65_535 + 4096;

    // Weights of FieldExtreme, BitFlips, ByteSet, Truncate, Extend, Splice.
    private static readonly int[] s_weights = [40, 20, 14, 9, 8, 9];
    private static readonly int s_totalWeight = s_weights.Sum();

    /// <summary>Writes a mutation of <paramref name="seed"/> into <paramref name="buffer"/> (at least
    /// <see cref="MaxFrame"/> bytes) and returns its length.</summary>
    public int Mutate(FuzzSeed seed, byte[] buffer, MutationLog log)
    {
        log.Start(seed);
        var length = seed.Data.Length;
        seed.Data.CopyTo(buffer, 0);
        var operations = random.Next(4) == 0 ? random.Next(2, 4) : 1;
        for (var i = 0; i < operations; i++)
        {
            var kind = Pick();
            if (kind == MutationKind.FieldExtreme && seed.Fields.Length == 0)
                kind = MutationKind.BitFlips;
            // Fields were found in the unmutated layout: set them before anything moves bytes.
            if (kind == MutationKind.FieldExtreme && i > 0)
                kind = MutationKind.ByteSet;
            length = Apply(kind, seed, buffer, length, log);
        }
        return length;
    }

    private MutationKind Pick()
    {
        var roll = random.Next(s_totalWeight);
        for (var i = 0; i < s_weights.Length; i++)
        {
            roll -= s_weights[i];
            if (roll < 0)
                return (MutationKind)i;
        }
        return MutationKind.BitFlips;
    }

    private int Apply(MutationKind kind, FuzzSeed seed, byte[] buffer, int length, MutationLog log)
    {
        switch (kind)
        {
            case MutationKind.FieldExtreme:
                var field = seed.Fields[random.Next(seed.Fields.Length)];
                var value = ExtremeOf(field);
                field.Set(buffer, value);
                log.Add(kind, field.Offset, value, field.Name);
                return length;
            case MutationKind.BitFlips when length > 0:
                var bits = random.Next(1, 9);
                for (var i = 0; i < bits; i++)
                    buffer[Position(length)] ^= (byte)(1 << random.Next(8));
                log.Add(kind, bits, 0);
                return length;
            case MutationKind.ByteSet when length > 0:
                var bytes = random.Next(1, 5);
                for (var i = 0; i < bytes; i++)
                    buffer[Position(length)] = (byte)random.Next(256);
                log.Add(kind, bytes, 0);
                return length;
            case MutationKind.Truncate when length > 0:
                length = random.Next(length);
                log.Add(kind, length, 0);
                return length;
            case MutationKind.Extend:
                var extra = Math.Min(random.Next(8) == 0 ? random.Next(1, 4096) : random.Next(1, 257), MaxFrame - length);
                random.NextBytes(buffer.AsSpan(length, extra));
                log.Add(kind, extra, 0);
                return length + extra;
            case MutationKind.Splice:
                var otherIndex = random.Next(seeds.Count);
                var other = seeds[otherIndex].Data;
                var cut = random.Next(length + 1);
                var from = random.Next(other.Length + 1);
                var take = Math.Min(other.Length - from, MaxFrame - cut);
                other.AsSpan(from, take).CopyTo(buffer.AsSpan(cut));
                log.Add(kind, cut, otherIndex);
                return cut + take;
            default:
                return length;
        }
    }

    private uint ExtremeOf(FrameField field)
    {
        var max = field.Max;
        return random.Next(field.Special >= 0 ? 6 : 5) switch
        {
            0 => 0,
            1 => 1,
            2 => max,
            3 => max - 1,
            4 => (uint)random.NextInt64(max + 1L),
            _ => (uint)field.Special,
        };
    }

    // Half the edits land in the first 96 bytes, where the headers are.
    private int Position(int length) => random.Next(2) == 0 ? random.Next(Math.Min(length, 96)) : random.Next(length);
}
