using Edge.Watch.Flows;

namespace Edge.Watch.Streams;

/// <summary>Keeps a direction of a TCP flow in order: trims retransmitted bytes and reports a gap when
/// a segment is missing. Out-of-order segments are not held: a gap ends inspection of that direction.</summary>
internal static class SegmentOrderer
{
    public enum Verdict : byte
    {
        Deliver,
        Duplicate,
        Gap,
    }

    public static Verdict Accept(ref StreamState stream, uint sequence, bool syn, ref ReadOnlySpan<byte> payload)
    {
        if (syn)
        {
            if (!stream.HasSequence)
            {
                stream.NextSequence = sequence + 1;
                stream.HasSequence = true;
            }
            sequence++;
        }
        if (payload.IsEmpty)
            return Verdict.Duplicate;
        if (!stream.HasSequence)
        {
            stream.NextSequence = sequence;
            stream.HasSequence = true;
        }
        if (sequence == stream.NextSequence)
        {
            stream.NextSequence += (uint)payload.Length;
            return Verdict.Deliver;
        }
        if (TcpSequence.LessThan(sequence, stream.NextSequence))
        {
            var seen = stream.NextSequence - sequence;
            if (seen >= (uint)payload.Length)
                return Verdict.Duplicate;
            payload = payload[(int)seen..];
            stream.NextSequence += (uint)payload.Length;
            return Verdict.Deliver;
        }
        return Verdict.Gap;
    }
}
