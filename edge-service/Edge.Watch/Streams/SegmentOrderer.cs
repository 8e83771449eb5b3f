using Edge.Watch.Flows;

namespace Edge.Watch.Streams;

/// <summary>Keeps a direction of a TCP flow in order: trims retransmitted bytes and reports segments
/// that lie past a hole. Those are not held; the caller waits a few for the hole to fill.</summary>
internal static class SegmentOrderer
{
    public enum Verdict : byte
    {
        Deliver,
        Duplicate,
        /// <summary>Starts past the next expected byte: reordered, forged, or after a loss.</summary>
        Ahead,
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
        return Verdict.Ahead;
    }
}
